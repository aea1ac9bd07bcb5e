// The benchmark's synthetic machine: C coupled channels (sines of distinct periods sharing a slow
// load signal, plus a deterministic ripple); the anomaly adds 8 units to channel 0.

export function benchRow(k: number, channels: number, anomalous: boolean): number[] {
  const load = Math.sin((2 * Math.PI * k) / 600);
  return Array.from({ length: channels }, (_, c) => {
    const v =
      load * (1 + 0.2 * c) +
      0.3 * Math.sin((2 * Math.PI * k) / (20 + 7 * c)) +
      0.05 * Math.sin(k * 12.9898 + c * 78.233);
    return c === 0 && anomalous ? v + 8 : v;
  });
}

/** The q-quantile of a sample (nearest rank); NaN for an empty sample. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
