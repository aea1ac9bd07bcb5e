import { expectInteger, expectPositiveInteger } from "@vigil/core";
import { kthSmallest } from "@vigil/core/stats";

/**
 * Order statistics beyond the median's on each side that the band keeps sorted. A wider band is moved
 * less often but shifts more per update; on the simulated SLAC beam (autocorrelated positions, their
 * residuals, TMIT) half-widths of 24–40 ran alike within the noise of bench/corroborate/confirm.ts.
 * Windows of up to 2·32 + 2 values are kept sorted whole.
 */
const BAND_HALF_WIDTH = 32;

/**
 * Exact median of a window of `windowLength` consecutive values of an array, slid one value at a time.
 *
 * Only a band of values around the median is kept sorted: every value v of the window with lo ≤ v ≤ hi
 * (lo, hi fixed while the band stays put), plus the count of values below lo. Most updates land outside
 * the band and cost two comparisons; one inside it costs a binary search and a short shift. When the
 * median's ranks leave the band, the band moves: the values beyond it on that side are gathered and one
 * quickselect among them finds its new far end, O(l). For stationary noise that is rare (the count
 * below lo drifts like a binomial with σ ≈ √l/2 ≈ 12 for l = 600, against a margin of 32); on the
 * simulated beam's autocorrelated positions it is about once per 500 updates, and a steady ramp is the
 * worst case, once per ~32. A window longer than ~66 values then costs O(1) per update typically and
 * O(l) at worst, against O(log l) always for two indexed heaps.
 * Ties are exact: every copy of lo and hi is in the band.
 */
export class SlidingMedian {
  readonly windowLength: number;
  private readonly band: Float64Array;
  private readonly scratch: Float64Array;
  /** Ranks (0-based) of the lower and upper middle; equal for an odd window. */
  private readonly lowerRank: number;
  private readonly upperRank: number;
  private source: Float64Array = new Float64Array(0);
  private start = 0;
  private size = 0;
  private below = 0;
  private lo = 0;
  private hi = 0;

  constructor(windowLength: number) {
    this.windowLength = expectPositiveInteger("windowLength", windowLength);
    this.band = new Float64Array(windowLength);
    this.scratch = new Float64Array(windowLength);
    this.lowerRank = ((windowLength + 1) >> 1) - 1;
    this.upperRank = windowLength >> 1;
  }

  /** Makes the window values[start … start + windowLength − 1] (no NaN). */
  reset(values: Float64Array, start: number): void {
    expectInteger("start", start, 0, values.length - this.windowLength);
    this.source = values;
    this.start = start;
    this.rebuild();
  }

  /** Slides the window one value on: values[start] leaves, values[start + windowLength] enters. */
  advance(): void {
    const leaving = this.source[this.start]!;
    const entering = this.source[this.start + this.windowLength]!;
    this.start++;
    const { band, lo, hi } = this;
    // Branch-free: which side of the band a value falls on is a coin flip the CPU cannot predict.
    const leavesBand = +(leaving >= lo) & +(leaving <= hi);
    const entersBand = +(entering >= lo) & +(entering <= hi);
    this.below += +(entering < lo) - +(leaving < lo);
    if (leavesBand) {
      let k = lowerBound(band, this.size, leaving);
      if (entersBand) {
        // One shift between the two places instead of a removal and an insertion.
        if (entering > leaving) {
          const last = this.size - 1;
          for (; k < last && band[k + 1]! < entering; k++) band[k] = band[k + 1]!;
        } else for (; k > 0 && band[k - 1]! > entering; k--) band[k] = band[k - 1]!;
        band[k] = entering;
      } else {
        const last = --this.size;
        for (; k < last; k++) band[k] = band[k + 1]!;
      }
    } else if (entersBand) {
      let k = this.size++;
      for (; k > 0 && band[k - 1]! > entering; k--) band[k] = band[k - 1]!;
      band[k] = entering;
    }
  }

  /** Median of the window: the mean of the two middle values for an even length. */
  median(): number {
    let at = this.lowerRank - this.below;
    if (at < 0 || this.upperRank - this.below >= this.size) {
      if (!this.moveBand(at >= 0)) this.rebuild();
      at = this.lowerRank - this.below;
    }
    const lower = this.band[at]!;
    return this.upperRank === this.lowerRank ? lower : 0.5 * (lower + this.band[at + 1]!);
  }

  /**
   * Moves the band onto ranks lowerRank − 32 … upperRank + 32 again after the median left it (upwards
   * when `up`). The band's end on the median's side is still in it, so only the values beyond the band
   * on that side are gathered and one quickselect among them finds the new far end — about a third of
   * a rebuild's work. False, with nothing changed, when the median has run further than that.
   */
  private moveBand(up: boolean): boolean {
    const { windowLength: l, band, scratch, source, start } = this;
    const a = Math.max(0, this.lowerRank - BAND_HALF_WIDTH);
    const b = Math.min(l - 1, this.upperRank + BAND_HALF_WIDTH);
    if (up) {
      const keep = a - this.below;
      if (keep < 0 || keep >= this.size) return false;
      const lo = band[keep]!;
      const first = lowerBound(band, this.size, lo);
      band.copyWithin(0, first, this.size);
      this.size -= first;
      this.below += first;
      const hiBefore = this.hi;
      let count = 0;
      for (let i = start; i < start + l; i++) {
        const v = source[i]!;
        scratch[count] = v;
        count += v > hiBefore ? 1 : 0;
      }
      const rank = b - this.below - this.size;
      const hi = kthSmallest(scratch, rank, count);
      band.set(scratch.subarray(0, rank + 1).sort(), this.size);
      let n = this.size + rank + 1;
      for (let i = rank + 1; i < count; i++) if (scratch[i] === hi) band[n++] = hi;
      this.size = n;
      this.lo = lo;
      this.hi = hi;
    } else {
      const keepLast = b - this.below;
      if (keepLast < 0 || keepLast >= this.size) return false;
      const hi = band[keepLast]!;
      this.size = upperBound(band, this.size, hi);
      const loBefore = this.lo;
      let count = 0;
      for (let i = start; i < start + l; i++) {
        const v = source[i]!;
        scratch[count] = v;
        count += v < loBefore ? 1 : 0;
      }
      const lo = kthSmallest(scratch, a, count);
      let ties = 0;
      for (let i = 0; i < a; i++) if (scratch[i] === lo) ties++;
      const added = ties + count - a;
      band.copyWithin(added, 0, this.size);
      band.fill(lo, 0, ties);
      band.set(scratch.subarray(a, count).sort(), ties);
      this.size += added;
      this.below = a - ties;
      this.lo = lo;
      this.hi = hi;
    }
    return true;
  }

  /** Band = the window's values of ranks lowerRank − 32 … upperRank + 32, with every tie of its ends. */
  private rebuild(): void {
    const { windowLength: l, scratch, band } = this;
    scratch.set(this.source.subarray(this.start, this.start + l));
    const a = Math.max(0, this.lowerRank - BAND_HALF_WIDTH);
    const b = Math.min(l - 1, this.upperRank + BAND_HALF_WIDTH);
    // Quickselect leaves scratch partitioned: [0, a) ≤ lo ≤ [a, l), then [a, b) ≤ hi ≤ (b, l).
    const lo = kthSmallest(scratch, a, l);
    const hi = kthSmallest(scratch.subarray(a), b - a, l - a);
    let n = 0;
    for (let i = 0; i < a; i++) if (scratch[i] === lo) band[n++] = lo;
    const ties = n;
    const middle = scratch.subarray(a, b + 1).sort();
    band.set(middle, n);
    n += middle.length;
    for (let i = b + 1; i < l; i++) if (scratch[i] === hi) band[n++] = hi;
    this.size = n;
    this.below = a - ties;
    this.lo = lo;
    this.hi = hi;
  }
}

/** First index of sorted[0, size) holding a value ≥ v. */
function lowerBound(sorted: Float64Array, size: number, v: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index of sorted[0, size) holding a value > v. */
function upperBound(sorted: Float64Array, size: number, v: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
