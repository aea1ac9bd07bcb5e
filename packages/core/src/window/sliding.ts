import { VigilArgumentError } from "../errors/index.ts";
import type { Series } from "../series/types.ts";
import { expectInteger, expectPositiveInteger, withDefaults } from "../validate/index.ts";

export interface SlidingWindowOptions {
  /** Samples per window. */
  length: number;
  /** Samples between the starts of consecutive windows. */
  stride: number;
  /** Samples after each window kept as its forecast target (0 = none). */
  horizon: number;
}

/** One window: per-channel views that share memory with the series (writes show through). */
export interface WindowView {
  /** Row index of the window's first sample. */
  readonly start: number;
  /** values[c] = channel c over rows [start, start + length). */
  readonly values: readonly Float64Array[];
  /** timestamps of the window's rows. */
  readonly timestamps: BigInt64Array;
  /** target[c] = channel c over the following `horizon` rows (empty arrays when horizon = 0). */
  readonly target: readonly Float64Array[];
}

/** Windows over a series, created on demand as views; nothing is copied. */
export interface SlidingWindows {
  readonly series: Series;
  readonly length: number;
  readonly stride: number;
  readonly horizon: number;
  /** Number of complete windows (each with its full horizon). */
  readonly count: number;
  /** Row index where window i starts. */
  start(i: number): number;
  window(i: number): WindowView;
  [Symbol.iterator](): Iterator<WindowView>;
}

const DEFAULTS: SlidingWindowOptions = { length: 0, stride: 1, horizon: 0 };

/**
 * Sliding windows of `length` rows every `stride` rows, each followed by `horizon` target rows. Only
 * complete windows are produced: count = ⌊(n − length − horizon) / stride⌋ + 1 (0 if the series is too short).
 */
export function slidingWindows(
  series: Series,
  options: Partial<SlidingWindowOptions> & { length: number },
): SlidingWindows {
  const o = withDefaults("slidingWindows", DEFAULTS, options);
  const length = expectPositiveInteger("length", o.length);
  const stride = expectPositiveInteger("stride", o.stride);
  const horizon = expectInteger("horizon", o.horizon, 0);
  const n = series.timestamps.length;
  const count = n < length + horizon ? 0 : Math.floor((n - length - horizon) / stride) + 1;
  const start = (i: number): number => {
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new VigilArgumentError(`Expected a window index in [0, ${count - 1}] but received ${i}`);
    }
    return i * stride;
  };
  const window = (i: number): WindowView => {
    const s = start(i);
    const e = s + length;
    return {
      start: s,
      values: series.values.map((column) => column.subarray(s, e)),
      timestamps: series.timestamps.subarray(s, e),
      target: series.values.map((column) => column.subarray(e, e + horizon)),
    };
  };
  return {
    series,
    length,
    stride,
    horizon,
    count,
    start,
    window,
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield window(i);
    },
  };
}
