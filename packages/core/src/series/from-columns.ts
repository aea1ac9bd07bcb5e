import { VigilArgumentError } from "../errors/vigil-error.ts";
import { SeriesBuilder } from "./series-builder.ts";
import type { AssetRef, ChannelInfo, Label, Series } from "./types.ts";
import { validateSeries } from "./validate-series.ts";

/** A channel given by name alone is kind "other". */
export type ChannelSpec = string | ChannelInfo;

export function toChannelInfo(spec: ChannelSpec): ChannelInfo {
  return typeof spec === "string" ? { name: spec, kind: "other" } : spec;
}

export interface SeriesFromColumnsOptions {
  timestamps: BigInt64Array | readonly bigint[];
  channels: readonly ChannelSpec[];
  /** One column per channel; copied into Float64Arrays (null/undefined entries become NaN). */
  values: readonly ArrayLike<number | null | undefined>[];
  asset?: AssetRef;
  labels?: readonly Label[];
}

function toFloat64(column: ArrayLike<number | null | undefined>): Float64Array {
  if (column instanceof Float64Array) return column;
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column[i] ?? Number.NaN;
  return out;
}

/** Builds a validated Series from columns. Float64Array columns are used as they are (not copied). */
export function seriesFromColumns(options: SeriesFromColumnsOptions): Series {
  if (options.channels.length !== options.values.length) {
    throw new VigilArgumentError(
      `Expected one value column per channel (${options.channels.length}) but received ${options.values.length}`,
    );
  }
  const timestamps =
    options.timestamps instanceof BigInt64Array ? options.timestamps : BigInt64Array.from(options.timestamps);
  return validateSeries({
    ...(options.asset === undefined ? {} : { asset: options.asset }),
    timestamps,
    channels: options.channels.map(toChannelInfo),
    values: options.values.map(toFloat64),
    ...(options.labels === undefined ? {} : { labels: options.labels }),
  });
}

export interface SeriesFromRowsOptions {
  channels: readonly ChannelSpec[];
  /** [timestamp ns, values in channel order]; rows must be in non-decreasing time order. */
  rows: Iterable<readonly [bigint, ArrayLike<number>]>;
  asset?: AssetRef;
  labels?: readonly Label[];
}

/** Builds a validated Series from row tuples. */
export function seriesFromRows(options: SeriesFromRowsOptions): Series {
  const builder = new SeriesBuilder(options.channels.map(toChannelInfo));
  let row = 0;
  for (const [timestamp, values] of options.rows) {
    if (values.length !== options.channels.length) {
      throw new VigilArgumentError(
        `Expected ${options.channels.length} values in row ${row} but received ${values.length}`,
      );
    }
    builder.append(timestamp, values);
    row++;
  }
  return builder.build({
    ...(options.asset === undefined ? {} : { asset: options.asset }),
    ...(options.labels === undefined ? {} : { labels: options.labels }),
  });
}
