import type { MikroORM } from '@mikro-orm/core';
import { Volunteer } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { startLifecycle, type TemporalDeps } from '../http/temporal-calls.ts';

/**
 * Starts the lifecycles of volunteers who were saved while Temporal was away, so no registration
 * is lost. Starting is idempotent, so racing a request that is still in flight is harmless.
 */
export async function startPendingLifecycles(deps: { orm: MikroORM; policy: Policy; temporal: TemporalDeps }): Promise<number> {
  const em = deps.orm.em.fork();
  // An erased volunteer whose lifecycle never started must not get one now.
  const pending = await em.find(Volunteer, { lifecycleStartedAt: null, anonymisedAt: null }, { orderBy: { createdAt: 'asc' }, limit: 100 });
  for (const volunteer of pending) {
    await startLifecycle(deps.temporal, deps.policy, volunteer);
    volunteer.lifecycleStartedAt = new Date();
    await em.flush();
  }
  return pending.length;
}

/** Runs the sweep now and then every `everyMs`; failures wait for the next round. Returns a stop function. */
export function sweepPendingLifecycles(
  deps: Parameters<typeof startPendingLifecycles>[0],
  everyMs: number,
  log: (line: string) => void,
): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const started = await startPendingLifecycles(deps);
      if (started) log(`started ${started} lifecycle(s) saved while Temporal was away`);
    } catch {
      // Temporal is still away; the next round tries again.
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), everyMs);
  return () => clearInterval(timer);
}

/** Retries a start-up task (such as registering the yearly schedule) until it succeeds; Temporal may come up later. */
export function keepTrying(task: () => Promise<void>, everyMs: number, log: (line: string) => void, done: string): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async () => {
    try {
      await task();
      log(done);
    } catch {
      if (!stopped) timer = setTimeout(() => void attempt(), everyMs);
    }
  };
  void attempt();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
