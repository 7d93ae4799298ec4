import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The workflows' entry point, as `.ts` in the source tree and `.js` in a compiled build. */
export function workflowsPath(): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return fileURLToPath(new URL(`../../workflows/index.${extension}`, import.meta.url));
}

/** Bundles the workflows at `entry` (the benchmark adds one of its own to Samspill's). */
export function bundleWorkflows(entry = workflowsPath()): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: entry, logger: quietLogger });
}

/** Writes a prebuilt bundle (production image, test runs) that workers load with `workflowBundle: { codePath }`. */
export async function writeWorkflowBundle(file: string, entry = workflowsPath()): Promise<void> {
  const { code } = await bundleWorkflows(entry);
  await writeFile(file, code);
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, log: noop, warn: console.warn, error: console.error };

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? 'dist/workflow-bundle.js';
  await writeWorkflowBundle(file);
  console.log(`Wrote ${file}`);
}
