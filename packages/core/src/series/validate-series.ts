import { VigilArgumentError } from "../errors/vigil-error.ts";
import type { Series } from "./types.ts";

/**
 * Checks the invariants every Series promises: one value column per channel, every column as long
 * as the timestamps, timestamps non-decreasing, unique channel names, labels with start <= end.
 * Returns the series so constructors can end with `return validateSeries(...)`.
 */
export function validateSeries(series: Series): Series {
  const n = series.timestamps.length;
  if (series.values.length !== series.channels.length) {
    throw new VigilArgumentError(
      `Series has ${series.channels.length} channels but ${series.values.length} value columns`,
    );
  }
  const names = new Set<string>();
  series.channels.forEach((channel, c) => {
    if (names.has(channel.name)) throw new VigilArgumentError(`Duplicate channel name "${channel.name}"`);
    names.add(channel.name);
    const length = series.values[c]?.length;
    if (length !== n) {
      throw new VigilArgumentError(
        `Channel "${channel.name}" has ${length} values but there are ${n} timestamps`,
      );
    }
  });
  const t = series.timestamps;
  for (let i = 1; i < n; i++) {
    if (t[i]! < t[i - 1]!) {
      throw new VigilArgumentError(
        `Timestamps must be non-decreasing; index ${i} (${t[i]}) < index ${i - 1} (${t[i - 1]})`,
      );
    }
  }
  for (const label of series.labels ?? []) {
    if (label.end < label.start) {
      throw new VigilArgumentError(
        `Label "${label.type}" ends (${label.end}) before it starts (${label.start})`,
      );
    }
  }
  return series;
}
