// Latency statistics over repeated runs. Pure.

export interface LatencySummary {
  n: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
  max_ms: number;
}

/** The p-th percentile (0 ≤ p ≤ 1) by the nearest-rank rule: the smallest value with at least p of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile rank must be in [0, 1], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function summarize(values: readonly number[]): LatencySummary {
  return {
    n: values.length,
    p50_ms: round(percentile(values, 0.5)),
    p95_ms: round(percentile(values, 0.95)),
    p99_ms: round(percentile(values, 0.99)),
    mean_ms: round(values.reduce((a, b) => a + b, 0) / values.length),
    max_ms: round(Math.max(...values)),
  };
}
