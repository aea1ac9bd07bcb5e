import type { Series } from "@vigil/core";
import { VigilArgumentError, VigilError } from "@vigil/core/errors";

/** The columns of `series` in the order of the fitted channel names (extra channels are ignored). */
export function fittedColumns(series: Series, channels: readonly string[], kind: string): Float64Array[] {
  return channels.map((name) => {
    const c = series.channels.findIndex((info) => info.name === name);
    if (c < 0)
      throw new VigilArgumentError(
        `${kind}: the series has no channel "${name}", which the model was fitted on`,
      );
    return series.values[c]!;
  });
}

export function expectFitted<T>(value: T | undefined, kind: string): T {
  if (value === undefined)
    throw new VigilError("VIGIL_ERR_NOT_FITTED", `${kind}: call fit() before using the detector`);
  return value;
}

export function channelNames(series: Series): string[] {
  return series.channels.map((c) => c.name);
}
