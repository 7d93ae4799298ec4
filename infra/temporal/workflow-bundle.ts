import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The workflows' entry point, as `.ts` in the source tree and `.js` in a compiled build. */
export function workflowsPath(): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return fileURLToPath(new URL(`../../workflows/index.${extension}`, import.meta.url));
}

export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietLogger });
}

/** Writes a prebuilt bundle (production image, test runs) that workers load with `workflowBundle: { codePath }`. */
export async function writeWorkflowBundle(file: string): Promise<void> {
  const { code } = await bundleWorkflows();
  await writeFile(file, code);
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, log: noop, warn: console.warn, error: console.error };

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'dist/workflow-bundle.js';
  await writeWorkflowBundle(file);
  console.log(`Wrote ${file}`);
}
