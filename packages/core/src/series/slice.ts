import { expectInteger } from "../validate/index.ts";
import type { Label, Series } from "./types.ts";

/** First index i with timestamps[i] >= t (timestamps are non-decreasing). */
export function lowerBound(timestamps: BigInt64Array, t: bigint): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestamps[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Labels overlapping [from, to], clipped to it. */
function clipLabels(labels: readonly Label[], from: bigint, to: bigint): Label[] {
  return labels
    .filter((label) => label.end >= from && label.start <= to)
    .map((label) => ({
      ...label,
      start: label.start < from ? from : label.start,
      end: label.end > to ? to : label.end,
    }));
}

/**
 * Rows [start, end) as a zero-copy view (typed-array subarrays share memory with the original).
 * Labels are kept where they overlap the rows' time span, clipped to it.
 */
export function sliceByIndex(series: Series, start: number, end: number = series.timestamps.length): Series {
  const n = series.timestamps.length;
  expectInteger("start", start, 0, n);
  expectInteger("end", end, start, n);
  const timestamps = series.timestamps.subarray(start, end);
  const { labels, ...rest } = series;
  const kept =
    labels === undefined || timestamps.length === 0
      ? undefined
      : clipLabels(labels, timestamps[0]!, timestamps[timestamps.length - 1]!);
  return {
    ...rest,
    timestamps,
    values: series.values.map((column) => column.subarray(start, end)),
    ...(kept === undefined ? {} : { labels: kept }),
  };
}

/** Rows with from <= timestamp < to (either bound optional), as a zero-copy view. */
export function sliceByTime(series: Series, range: { from?: bigint; to?: bigint }): Series {
  const t = series.timestamps;
  const start = range.from === undefined ? 0 : lowerBound(t, range.from);
  const end = range.to === undefined ? t.length : Math.max(start, lowerBound(t, range.to));
  return sliceByIndex(series, start, end);
}
