/** Median of the finite values of `values` (NaN when there are none). Does not modify its input. */
export function nanMedian(values: ArrayLike<number>): number {
  const finite = Float64Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort();
  return sortedMedian(finite, finite.length);
}

/** Median of the first `n` entries of an ascending array. */
export function sortedMedian(sorted: ArrayLike<number>, n: number): number {
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/** Median absolute deviation about `median` of the finite values, scaled by 1.4826 to estimate σ under normality. */
export function nanMadScale(values: ArrayLike<number>, median: number): number {
  return 1.4826 * nanMedian(Float64Array.from(values, (v) => Math.abs(v - median)));
}

/** √(π/2): the mean absolute deviation of a normal variable times this is its σ. */
const MEAN_DEVIATION_TO_SIGMA = Math.sqrt(Math.PI / 2);

/**
 * A robust σ estimate of the finite values about `median`: the scaled MAD, or, when the MAD is 0
 * because at least half the values equal the median (a quantised sensor that mostly reads one level,
 * like SKAB's pressure), the mean absolute deviation times √(π/2), which still sees the other levels.
 * 0 only when every value equals the median (a constant channel); NaN when there are none.
 */
export function nanRobustScale(values: ArrayLike<number>, median: number): number {
  const mad = nanMadScale(values, median);
  if (mad !== 0) return mad;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    sum += Math.abs(v - median);
    n++;
  }
  return (MEAN_DEVIATION_TO_SIGMA * sum) / n;
}

/**
 * k-th smallest (0-based) absolute deviation from `center` in an ascending array of n values, in O(n):
 * deviations below and above the center are each already sorted, so a merge walk finds it.
 */
function kthDeviation(sorted: Float64Array, n: number, center: number, k: number): number {
  let hi = 0;
  while (hi < n && sorted[hi]! < center) hi++;
  let lo = hi - 1;
  let value = Number.NaN;
  for (let taken = 0; taken <= k; taken++) {
    const down = lo >= 0 ? center - sorted[lo]! : Number.POSITIVE_INFINITY;
    const up = hi < n ? sorted[hi]! - center : Number.POSITIVE_INFINITY;
    if (down <= up) {
      value = down;
      lo--;
    } else {
      value = up;
      hi++;
    }
  }
  return value;
}

/**
 * A sliding multiset kept sorted, giving the median and the MAD of its contents; insert and remove
 * cost O(window) by shifting, which beats heaps at the window lengths used for sensor data.
 */
export class SortedWindow {
  private readonly sorted: Float64Array;
  private n = 0;

  constructor(capacity: number) {
    this.sorted = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  private lowerBound(value: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(value: number): void {
    const at = this.lowerBound(value);
    this.sorted.copyWithin(at + 1, at, this.n);
    this.sorted[at] = value;
    this.n++;
  }

  remove(value: number): void {
    const at = this.lowerBound(value);
    this.sorted.copyWithin(at, at + 1, this.n);
    this.n--;
  }

  median(): number {
    return sortedMedian(this.sorted, this.n);
  }

  /** MAD about the current median, scaled by 1.4826. */
  madScale(median: number): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const h = n >> 1;
    const mad =
      n % 2 === 1
        ? kthDeviation(this.sorted, n, median, h)
        : (kthDeviation(this.sorted, n, median, h - 1) + kthDeviation(this.sorted, n, median, h)) / 2;
    return 1.4826 * mad;
  }
}
