import { VigilArgumentError } from "../errors/index.ts";

/**
 * Finite values of `values`, sorted ascending. NaN (missing) is skipped; ±Infinity is rejected because no
 * quantile-based threshold can be built on it.
 */
export function sortedFinite(name: string, values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isFinite(v))
      throw new VigilArgumentError(`Expected finite values in ${name} but index ${i} is ${v}`);
    out.push(v);
  }
  if (out.length === 0)
    throw new VigilArgumentError(`Expected at least one finite value in ${name} but received none`);
  return Float64Array.from(out).sort();
}

/** Linear-interpolation quantile (Hyndman–Fan type 7, numpy's default) of ascending values, p ∈ [0, 1]. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
