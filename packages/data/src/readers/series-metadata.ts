import { VigilInputError } from "@vigil/core/errors";
import { type AssetRef, CHANNEL_KINDS, type ChannelInfo, type Label, type Series } from "@vigil/core/series";

/**
 * Key-value metadata that lets Parquet and Arrow files carry what columns alone cannot: channel
 * kind / unit / role, labels and the asset. Bigint times are written as decimal strings.
 */
const KEY_CHANNELS = "vigil:channels";
const KEY_LABELS = "vigil:labels";
const KEY_ASSET = "vigil:asset";

export function encodeSeriesMetadata(series: Series): Map<string, string> {
  const meta = new Map<string, string>([[KEY_CHANNELS, JSON.stringify(series.channels)]]);
  if (series.labels !== undefined) {
    meta.set(
      KEY_LABELS,
      JSON.stringify(series.labels.map((l) => ({ ...l, start: l.start.toString(), end: l.end.toString() }))),
    );
  }
  if (series.asset !== undefined) meta.set(KEY_ASSET, JSON.stringify(series.asset));
  return meta;
}

export interface DecodedSeriesMetadata {
  channels: Map<string, ChannelInfo>;
  labels?: Label[];
  asset?: AssetRef;
}

function parse(source: string, key: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VigilInputError(`expected JSON in metadata "${key}": ${(error as Error).message}`, { source });
  }
}

/** Reads the vigil:* entries back; foreign files simply have none. */
export function decodeSeriesMetadata(
  source: string,
  meta: ReadonlyMap<string, string>,
): DecodedSeriesMetadata {
  const out: DecodedSeriesMetadata = { channels: new Map() };
  const channels = meta.get(KEY_CHANNELS);
  if (channels !== undefined) {
    for (const c of parse(source, KEY_CHANNELS, channels) as ChannelInfo[]) {
      if (typeof c?.name !== "string" || !CHANNEL_KINDS.includes(c.kind)) {
        throw new VigilInputError(
          `expected channel entries with a name and a known kind in "${KEY_CHANNELS}"`,
          { source },
        );
      }
      out.channels.set(c.name, c);
    }
  }
  const labels = meta.get(KEY_LABELS);
  if (labels !== undefined) {
    const raw = parse(source, KEY_LABELS, labels) as Array<
      Omit<Label, "start" | "end"> & { start: string; end: string }
    >;
    out.labels = raw.map((l) => ({ ...l, start: BigInt(l.start), end: BigInt(l.end) }));
  }
  const asset = meta.get(KEY_ASSET);
  if (asset !== undefined) out.asset = parse(source, KEY_ASSET, asset) as AssetRef;
  return out;
}
