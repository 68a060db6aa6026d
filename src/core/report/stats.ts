/** Summary statistics of the reports, with the exact definitions the README gives. */

/** The middle value of `values` (the mean of the two middle ones for an even count), or null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The nearest-rank percentile `p` (0–100] of `values`: the ⌈p/100 · n⌉-th smallest, or null when empty. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}

/** `n` rounded to one decimal (hours in reports). */
export function oneDecimal(n: number): number {
  return Math.round(n * 10) / 10;
}
