import type { AssetRef, ChannelInfo, Series } from "@vigil/core/series";
import type { StreamReading } from "../stream/types.ts";

const assetKey = (a: AssetRef): string => `${a.site}/${a.machine}`;

/**
 * Readings of any assets → one Series per asset for the store. Readings with the same timestamp share
 * a row; a second reading of the same channel at the same time gets its own row (the store keeps both,
 * so the count stored equals the count received). New channels are registered as kind "other".
 */
export function readingsToSeries(readings: readonly StreamReading[]): Series[] {
  const byAsset = new Map<string, StreamReading[]>();
  for (const r of readings) {
    const key = assetKey(r.asset);
    let list = byAsset.get(key);
    if (list === undefined) byAsset.set(key, (list = []));
    list.push(r);
  }
  const out: Series[] = [];
  for (const list of byAsset.values()) {
    const sorted = list.length > 1 ? [...list].sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0)) : list;
    const channelIndex = new Map<string, number>();
    for (const r of sorted) if (!channelIndex.has(r.channel)) channelIndex.set(r.channel, channelIndex.size);
    // Row of each reading: a new row when the time changes or the channel is already filled in this row.
    const rowOf = new Int32Array(sorted.length);
    const times: bigint[] = [];
    let filled = new Set<string>();
    for (const [i, r] of sorted.entries()) {
      if (times.length === 0 || times.at(-1) !== r.t || filled.has(r.channel)) {
        times.push(r.t);
        filled = new Set();
      }
      filled.add(r.channel);
      rowOf[i] = times.length - 1;
    }
    const values = Array.from({ length: channelIndex.size }, () =>
      new Float64Array(times.length).fill(Number.NaN),
    );
    for (const [i, r] of sorted.entries()) values[channelIndex.get(r.channel)!]![rowOf[i]!] = r.v;
    const channels: ChannelInfo[] = [...channelIndex.keys()].map((name) => ({ name, kind: "other" }));
    out.push({ asset: sorted[0]!.asset, timestamps: BigInt64Array.from(times), channels, values });
  }
  return out;
}
