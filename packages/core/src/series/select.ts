import { VigilArgumentError } from "../errors/vigil-error.ts";
import type { Series } from "./types.ts";

/**
 * The named channels, in the order given (columns shared, not copied). Channel-specific labels of
 * dropped channels are dropped; labels without a channel are kept.
 */
export function selectChannels(series: Series, names: readonly string[]): Series {
  const index = new Map(series.channels.map((c, i) => [c.name, i]));
  const picked = names.map((name) => {
    const i = index.get(name);
    if (i === undefined) {
      throw new VigilArgumentError(
        `Unknown channel "${name}"; the series has: ${series.channels.map((c) => c.name).join(", ")}`,
      );
    }
    return i;
  });
  const keep = new Set(names);
  const { labels, ...rest } = series;
  return {
    ...rest,
    channels: picked.map((i) => series.channels[i]!),
    values: picked.map((i) => series.values[i]!),
    ...(labels === undefined
      ? {}
      : { labels: labels.filter((label) => label.channel === undefined || keep.has(label.channel)) }),
  };
}
