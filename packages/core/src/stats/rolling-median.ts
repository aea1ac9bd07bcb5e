import { expectInteger, expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { MAD_SCALE } from "./mad.ts";
import { SortedWindow } from "./sorted-window.ts";

export interface RollingOrderOptions {
  /** Number of samples in the lagging window [i − window + 1, i]. */
  window: number;
  /** Fewest non-NaN samples in the window for a value; below it the output is NaN. Default 1. */
  minPeriods: number;
}

export interface RollingMadOptions extends RollingOrderOptions {
  /** Multiply by MAD_SCALE so the result estimates σ for normal data. */
  scaled: boolean;
}

const DEFAULTS: RollingMadOptions = { window: 0, minPeriods: 1, scaled: false };

/**
 * Slides a count-based lagging window over `values`, skipping NaN, and writes `statistic` of the window's
 * sorted contents at each index. Each step is one insert and one delete in a SortedWindow.
 */
function rollingOrderStatistic(
  values: ArrayLike<number>,
  window: number,
  minPeriods: number,
  statistic: (sorted: SortedWindow) => number,
): Float64Array {
  expectPositiveInteger("window", window);
  expectInteger("minPeriods", minPeriods, 1, window);
  const sorted = new SortedWindow(window);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (i >= window) {
      const leaving = values[i - window]!;
      if (!Number.isNaN(leaving)) sorted.remove(leaving);
    }
    const entering = values[i]!;
    if (!Number.isNaN(entering)) sorted.insert(entering);
    out[i] = sorted.size >= minPeriods ? statistic(sorted) : Number.NaN;
  }
  return out;
}

/** Rolling median over the last `window` samples (NaN skipped), in O(w) memmove + O(log w) per step. */
export function rollingMedian(
  values: ArrayLike<number>,
  options: Partial<RollingOrderOptions> & { window: number },
): Float64Array {
  const o = withDefaults("rollingMedian", { window: 0, minPeriods: 1 }, options);
  return rollingOrderStatistic(values, o.window, o.minPeriods, (s) => s.median());
}

/** Rolling median absolute deviation over the last `window` samples (NaN skipped), raw or scaled to σ. */
export function rollingMad(
  values: ArrayLike<number>,
  options: Partial<RollingMadOptions> & { window: number },
): Float64Array {
  const o = withDefaults("rollingMad", DEFAULTS, options);
  const factor = o.scaled ? MAD_SCALE : 1;
  return rollingOrderStatistic(values, o.window, o.minPeriods, (s) => s.mad() * factor);
}
