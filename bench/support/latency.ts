/**
 * Nearest-rank percentile of latencies in ms (p in 0..100). Nearest-rank rather than interpolation
 * so p99 is a latency some request really had.
 */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
