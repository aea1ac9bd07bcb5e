import { expectInteger } from "../validate/index.ts";
import { presentValues } from "./finite.ts";

/**
 * The k-th smallest (0-based) of values[0..length), found by quickselect (Hoare partition, median-of-three
 * pivot): O(length) expected. Reorders `values` in place; the values must not contain NaN.
 */
export function kthSmallest(values: Float64Array, k: number, length = values.length): number {
  expectInteger("length", length, 1, values.length);
  expectInteger("k", k, 0, length - 1);
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(values[lo]!, values[(lo + hi) >>> 1]!, values[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/**
 * Median of `scratch` (NaN-free), reordering it in place: for an even count the mean of the two middle
 * values. After the upper middle is selected, the lower middle is the largest value to its left.
 */
export function medianInPlace(scratch: Float64Array): number {
  const n = scratch.length;
  if (n === 0) return Number.NaN;
  const upper = kthSmallest(scratch, n >>> 1);
  if (n % 2 === 1) return upper;
  let lower = scratch[0]!;
  for (let i = 1; i < n >>> 1; i++) if (scratch[i]! > lower) lower = scratch[i]!;
  return (lower + upper) / 2;
}

/** Median of the non-NaN values by quickselect (O(n) expected, input untouched); NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(presentValues(values));
}
