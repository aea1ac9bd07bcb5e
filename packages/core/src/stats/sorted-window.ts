import { VigilArgumentError } from "../errors/index.ts";

/**
 * A multiset of at most `capacity` numbers kept sorted in one Float64Array: insert and delete find their
 * place by binary search and shift with copyWithin (a memmove, O(w) but with a tiny constant), and order
 * statistics are O(1). The MAD is O(log w) on top: deviations from the median form two sorted runs.
 */
export class SortedWindow {
  readonly #data: Float64Array;
  #size = 0;

  constructor(capacity: number) {
    this.#data = new Float64Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds v (not NaN). */
  insert(v: number): void {
    if (this.#size === this.#data.length)
      throw new VigilArgumentError(`SortedWindow is full (${this.#size})`);
    const at = this.#lowerBound(v);
    this.#data.copyWithin(at + 1, at, this.#size);
    this.#data[at] = v;
    this.#size++;
  }

  /** Removes one copy of v, which must be present. */
  remove(v: number): void {
    const at = this.#lowerBound(v);
    if (at === this.#size || this.#data[at] !== v) throw new VigilArgumentError(`SortedWindow holds no ${v}`);
    this.#data.copyWithin(at, at + 1, this.#size);
    this.#size--;
  }

  /** The k-th smallest (0-based). */
  kth(k: number): number {
    return this.#data[k]!;
  }

  /** Median (mean of the two middle values for an even size); NaN when empty. */
  median(): number {
    const n = this.#size;
    if (n === 0) return Number.NaN;
    const upper = this.#data[n >>> 1]!;
    return n % 2 === 1 ? upper : (this.#data[(n >>> 1) - 1]! + upper) / 2;
  }

  /** Raw median absolute deviation from the median; NaN when empty. */
  mad(): number {
    const n = this.#size;
    if (n === 0) return Number.NaN;
    const m = this.median();
    const split = this.#lowerBound(m);
    const upper = this.#kthDeviation(m, split, n >>> 1);
    return n % 2 === 1 ? upper : (this.#kthDeviation(m, split, (n >>> 1) - 1) + upper) / 2;
  }

  /**
   * k-th smallest |x − m|. Left of `split` the deviations m − data[split−1−i] ascend with i, right of it
   * data[split+j] − m ascend with j; binary-search how many of the k + 1 smallest come from the left run.
   */
  #kthDeviation(m: number, split: number, k: number): number {
    const d = this.#data;
    const left = (i: number): number => m - d[split - 1 - i]!;
    const right = (j: number): number => d[split + j]! - m;
    const nLeft = split;
    const nRight = this.#size - split;
    let lo = Math.max(0, k + 1 - nRight);
    let hi = Math.min(k + 1, nLeft);
    while (lo < hi) {
      const i = (lo + hi) >>> 1;
      if (right(k - i) > left(i)) lo = i + 1;
      else hi = i;
    }
    const j = k + 1 - lo;
    const fromLeft = lo > 0 ? left(lo - 1) : Number.NEGATIVE_INFINITY;
    const fromRight = j > 0 ? right(j - 1) : Number.NEGATIVE_INFINITY;
    return Math.max(fromLeft, fromRight);
  }

  #lowerBound(v: number): number {
    let lo = 0;
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#data[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
