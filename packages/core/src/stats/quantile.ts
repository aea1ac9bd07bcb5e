import { expectNumber } from "../validate/index.ts";
import { presentValues } from "./finite.ts";

/**
 * Linear-interpolation quantile (Hyndman–Fan type 7, the default of R and numpy) of ascending, NaN-free
 * values, p ∈ [0, 1]. NaN for an empty array.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  expectNumber("p", p, 0, 1);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Type-7 quantiles of the non-NaN values at each p, sorting once. NaN entries when none are present. */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): Float64Array {
  const sorted = presentValues(values).sort();
  return Float64Array.from(ps, (p) => quantileSorted(sorted, p));
}

/** Type-7 quantile of the non-NaN values (sorts a copy; use `median` for p = 0.5, which selects). */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantiles(values, [p])[0]!;
}
