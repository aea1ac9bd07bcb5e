import type { AssetRef, Series } from "@vigil/core/series";
import type { Store } from "@vigil/data/store";

export interface NormalDataQuery {
  readonly store: Store;
  readonly asset: AssetRef;
  readonly from?: bigint;
  readonly to?: bigint;
}

/**
 * The asset's stored readings in [from, to) that are believed normal: rows inside a stored event
 * (anything the detectors or an operator flagged, except drift notices) or a stored label are dropped,
 * as are rows with no reading at all. Dropping rows joins the data either side of a gap, so a few
 * windows span it; that is a small contamination next to training on the anomaly itself.
 */
export async function loadNormalSeries(query: NormalDataQuery): Promise<Series> {
  const { store, asset } = query;
  const range = {
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
  };
  // One query after the other: concurrent reads on the DuckDB store's reader connection were seen
  // to come back empty (reported to the data layer).
  const series = await store.querySeries({ asset, ...range });
  const events = await store.queryEvents({ asset, ...range });
  const labels = await store.queryLabels({ asset, ...range });
  const excluded = [
    ...events.filter((e) => e.type !== "drift").map((e) => [e.start, e.end] as const),
    ...labels.map((l) => [l.start, l.end] as const),
  ];
  const keep: number[] = [];
  series.timestamps.forEach((t, i) => {
    if (excluded.some(([s, e]) => t >= s && t <= e)) return;
    if (series.values.every((column) => Number.isNaN(column[i]!))) return;
    keep.push(i);
  });
  return {
    asset,
    channels: series.channels,
    timestamps: BigInt64Array.from(keep, (i) => series.timestamps[i]!),
    values: series.values.map((column) => Float64Array.from(keep, (i) => column[i]!)),
  };
}
