import { quantileOfSorted as coreQuantile, sortedFinite as coreSorted } from "@vigil/core/threshold";

/** Finite values sorted ascending (NaN and ±Infinity skipped, unlike core's sortedFinite, which rejects infinities); may be empty. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const finite = Array.from(values).filter(Number.isFinite);
  return finite.length === 0 ? new Float64Array(0) : coreSorted("values", finite);
}

export const quantileOfSorted = coreQuantile;

export function medianOf(values: ArrayLike<number>): number {
  const sorted = sortedFinite(values);
  return sorted.length === 0 ? Number.NaN : coreQuantile(sorted, 0.5);
}
