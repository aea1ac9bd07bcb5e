import type { Series } from "@vigil/core";

/** The rows of a series where keep[i] is 1, labels kept as they are. */
export function selectRows(series: Series, keep: Uint8Array): Series {
  let n = 0;
  for (const k of keep) n += k;
  const timestamps = new BigInt64Array(n);
  const values = series.values.map(() => new Float64Array(n));
  for (let i = 0, j = 0; i < keep.length; i++) {
    if (keep[i] === 0) continue;
    timestamps[j] = series.timestamps[i]!;
    for (let c = 0; c < values.length; c++) values[c]![j] = series.values[c]![i]!;
    j++;
  }
  return { ...series, timestamps, values };
}
