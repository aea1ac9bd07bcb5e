/**
 * Thins a line to at most about 2 · `buckets` points by keeping, per bucket of consecutive points,
 * the lowest and the highest in their original order, so spikes survive at any zoom (unlike taking
 * every n-th point). NaN points are gaps: they are kept as breaks, never as extremes.
 */
export function minMaxDecimate(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  buckets: number,
): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= 2 * buckets) return { x: Array.from(x), y: Array.from(y) };
  const size = Math.ceil(n / buckets);
  const out = { x: [] as number[], y: [] as number[] };
  for (let start = 0; start < n; start += size) {
    let lo = -1;
    let hi = -1;
    let gap = false;
    for (let i = start; i < Math.min(n, start + size); i++) {
      const v = y[i]!;
      if (Number.isNaN(v)) {
        gap = true;
        continue;
      }
      if (lo < 0 || v < y[lo]!) lo = i;
      if (hi < 0 || v > y[hi]!) hi = i;
    }
    if (lo < 0) {
      out.x.push(x[start]!);
      out.y.push(Number.NaN);
      continue;
    }
    for (const i of lo === hi ? [lo] : lo < hi ? [lo, hi] : [hi, lo]) {
      out.x.push(x[i]!);
      out.y.push(y[i]!);
    }
    // A bucket holding missing values still breaks the line after its extremes.
    if (gap) {
      out.x.push(x[Math.min(n, start + size) - 1]!);
      out.y.push(Number.NaN);
    }
  }
  return out;
}
