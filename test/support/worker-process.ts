import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Stack } from './stack.ts';
import { LINK_SECRET, PUBLIC_URL } from './stack.ts';
import { testEnv } from './test-env.ts';

const WORKER_MAIN = fileURLToPath(new URL('../../worker/main.ts', import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
}

/** Runs `worker/main.ts` as a real process on the stack's task queue, and resolves once it polls; `env` adds to its environment. */
export async function spawnWorker(stack: Pick<Stack, 'db' | 'sink' | 'taskQueue'>, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_MAIN], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: stack.db.url,
      SMTP_URL: stack.sink.url,
      TEMPORAL_ADDRESS: testEnv.temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      WORKFLOW_BUNDLE_PATH: testEnv.workflowBundlePath,
      PUBLIC_URL,
      LINK_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start in time:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      if (output.includes('polling task queue')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output };
}

/** SIGKILL: no shutdown, no draining — as if the machine died. */
export async function killWorker({ child }: WorkerProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
