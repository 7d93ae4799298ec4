import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A module of the workflows, as `.ts` in the source tree and `.js` in a compiled build. */
function workflowModule(name: string): string {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return fileURLToPath(new URL(`../../workflows/${name}.${extension}`, import.meta.url));
}

/** The workflows' entry point. */
export function workflowsPath(): string {
  return workflowModule('index');
}

/**
 * Bundles the workflows at `entry` (the benchmark adds one of its own to Samspill's), with the
 * interceptors that carry request IDs into their logs and activities.
 */
export function bundleWorkflows(entry = workflowsPath()): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: entry, workflowInterceptorModules: [workflowModule('shared/interceptors')], logger: quietLogger });
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
