/**
 * Vigil's data model. A Series is column-major: one int64-nanosecond timestamp column and one
 * Float64Array per channel (NaN = missing). Irregular and asynchronous sampling is normal;
 * per-channel NaNs carry asynchrony after alignment.
 */

export type ChannelKind =
  | "vibration"
  | "temperature"
  | "pressure"
  | "power"
  | "current"
  | "voltage"
  | "acoustic"
  | "rpm"
  | "status"
  | "level"
  | "flow"
  | "position"
  | "charge"
  | "amplitude"
  | "setting"
  | "other";

export const CHANNEL_KINDS: readonly ChannelKind[] = [
  "vibration",
  "temperature",
  "pressure",
  "power",
  "current",
  "voltage",
  "acoustic",
  "rpm",
  "status",
  "level",
  "flow",
  "position",
  "charge",
  "amplitude",
  "setting",
  "other",
];

/** A physical machine, identified by site and machine name. */
export interface AssetRef {
  readonly site: string;
  readonly machine: string;
}

export interface ChannelInfo {
  readonly name: string;
  readonly kind: ChannelKind;
  readonly unit?: string;
  /** Nominal sampling rate in Hz, when known. */
  readonly rateHz?: number;
  /** "setting" channels describe the operating context (regime), not machine health. */
  readonly role?: "sensor" | "setting";
}

/** A point label has start === end. Times are int64 nanoseconds since the Unix epoch. */
export interface Label {
  readonly start: bigint;
  readonly end: bigint;
  /** e.g. "anomaly", "changepoint", "fault:cold-head-wear" */
  readonly type: string;
  /** Root-cause or affected channel, when known. */
  readonly channel?: string;
}

export interface Series {
  readonly asset?: AssetRef;
  /** int64 ns since epoch, non-decreasing. */
  readonly timestamps: BigInt64Array;
  readonly channels: readonly ChannelInfo[];
  /** values[c][i] = channel c at timestamps[i]; NaN = missing. */
  readonly values: readonly Float64Array[];
  readonly labels?: readonly Label[];
}
