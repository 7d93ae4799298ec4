import { setTimeout as sleep } from 'node:timers/promises';
import { startLifecycle } from '../api/http/temporal-calls.ts';
import type { Dialect } from '../infra/db/orm.ts';
import { forEachInParallel } from '../infra/in-parallel.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Engine } from './engine.ts';
import { seedRegisteredVolunteers } from './seed.ts';
import { startSystem } from './system.ts';
import { startWorkerProcess } from './worker-process.ts';

export interface MemoryFigures {
  dialect: Dialect;
  /** Open lifecycles → the worker's resident memory in MB once they all wait on their timers. */
  rssMb: { lifecycles: number; rssMb: number; seconds: number }[];
  peakMb: number;
}

/**
 * B4: the resident memory of a real worker process (`worker/main.ts`, as deployed) with `counts`
 * lifecycles open, each past its welcome email and asleep until its first reminder (days away
 * under the shipped policy). Each count is reached by starting more, and measured once the sink
 * has every welcome email and the worker has been idle for a few seconds.
 */
export async function measureWorkerMemory(engine: Engine, dialect: Dialect, policy: Policy, counts: number[], log: (line: string) => void): Promise<MemoryFigures> {
  const system = await startSystem(engine, dialect, { policy, worker: false });
  const worker = await startWorkerProcess(engine, system);
  let peakMb = 0;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, worker.rssMb())), 500);
  try {
    const rssMb: MemoryFigures['rssMb'] = [];
    let open = 0;
    for (const count of counts) {
      const started = performance.now();
      const volunteers = await seedRegisteredVolunteers(system.db.orm, policy, count - open);
      await forEachInParallel(volunteers, 32, async (volunteer) => void (await startLifecycle(system.temporal, policy, volunteer)));
      await system.sink.waitForCount(count, 1_800_000);
      await system.sink.waitForQuiet(5_000, 120_000);
      const seconds = (performance.now() - started) / 1000;
      open = count;
      await sleep(2_000);
      rssMb.push({ lifecycles: count, rssMb: worker.rssMb(), seconds });
      log(`  ${count} lifecycles waiting: worker RSS ${rssMb.at(-1)!.rssMb.toFixed(0)} MB (reached in ${seconds.toFixed(0)} s)`);
    }
    if (system.sink.received.length !== open) throw new Error(`expected ${open} welcome emails, the sink has ${system.sink.received.length}`);
    return { dialect, rssMb, peakMb };
  } finally {
    clearInterval(sampler);
    await worker.stop();
    await system.stop();
  }
}
