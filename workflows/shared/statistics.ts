/** Order statistics over plain numbers, shared by the annual report and the dashboard's charts. */

/**
 * The value below which a share `p` (0 to 1) of the values fall, interpolated between the two
 * nearest ranks (the "inclusive" method of spreadsheets and numpy's default), so the 50th
 * percentile is the median; null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A percentile is between 0 and 1, not ${p}.`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (rank - below);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}
