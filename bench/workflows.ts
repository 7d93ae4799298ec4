/**
 * The bench's workflow bundle: every Samspill workflow, plus a no-op one that measures the bare
 * engine on the same worker and task queue.
 */
export * from '../workflows/index.ts';

export function benchNoop(): Promise<void> {
  return Promise.resolve();
}
