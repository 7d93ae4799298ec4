import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runNode } from '../test/support/processes.ts';
import type { Engine } from './engine.ts';
import { LINK_SECRET, PUBLIC_URL, type System } from './system.ts';

const WORKER_MAIN = fileURLToPath(new URL('../worker/main.ts', import.meta.url));

export interface WorkerProcess {
  pid: number;
  /** Resident memory in MB, as `ps` reports it. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** The heap flags the worker is deployed with, from `npm run start:worker` (docker-compose.yml has the same; test/compose.test.ts). */
function workerHeapFlags(): string {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  return scripts['start:worker']!.split(' ').filter((word) => word.startsWith('--')).join(' ');
}

/** `worker/main.ts` as deployed (its own process, configured by environment) on the system's database, sink and task queue. */
export async function startWorkerProcess(engine: Engine, system: System): Promise<WorkerProcess> {
  const worker = runNode(WORKER_MAIN, {
    PATH: process.env.PATH,
    DATABASE_URL: system.db.url,
    SMTP_URL: system.sink.url,
    TEMPORAL_ADDRESS: engine.address,
    TEMPORAL_TASK_QUEUE: system.temporal.taskQueue,
    WORKFLOW_BUNDLE_PATH: engine.bundlePath,
    PUBLIC_URL,
    LINK_SECRET,
    NODE_OPTIONS: workerHeapFlags(),
  });
  await worker.waitForOutput('polling task queue');
  const pid = worker.child.pid!;
  return {
    pid,
    rssMb: () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024,
    async stop() {
      worker.child.kill('SIGTERM');
      await worker.exited;
    },
  };
}
