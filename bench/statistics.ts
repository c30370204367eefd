export type LatencySummary = { count: number, mean: number, p50: number, p95: number, p99: number, max: number }

/** Nearest-rank percentile of already sorted values; 0 for none. */
export function percentile (sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!
}

export function summarizeLatencies (values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((left, right) => left - right)
  const round = (value: number) => Number(value.toFixed(2))
  const mean = sorted.length === 0 ? 0 : sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return {
    count: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0)
  }
}

export function median (values: readonly number[]): number {
  return percentile([...values].sort((left, right) => left - right), 0.5)
}
