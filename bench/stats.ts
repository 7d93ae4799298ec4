export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  count: number;
}

/** Nearest-rank percentiles of a sample, in the sample's unit. */
export function percentiles(sample: number[]): Percentiles {
  const sorted = [...sample].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), count: sorted.length };
}

/** Milliseconds elapsed since `start`, a `performance.now()` reading, to a tenth. */
export const since = (start: number) => Math.round((performance.now() - start) * 10) / 10;

/** Runs `call` in `concurrency` loops for `durationMs`; counts the calls that finished within it. */
export async function runFor(durationMs: number, concurrency: number, call: () => Promise<void>): Promise<{ completed: number; seconds: number }> {
  const start = performance.now();
  const end = start + durationMs;
  let completed = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await call();
        completed++;
      }
    }),
  );
  return { completed, seconds: (performance.now() - start) / 1000 };
}
