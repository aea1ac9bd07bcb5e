import type { Series } from "../series/types.ts";
import { mean, std } from "../stats/moments.ts";
import { expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";

export interface ConstantChannelOptions {
  /** A channel is near-constant when std / max(|mean|, absoluteFloor) is below this. */
  relativeStd: number;
  /** Scale used instead of |mean| for channels centred near zero, so that they are not judged by noise. */
  absoluteFloor: number;
  /** A channel with fewer distinct non-NaN values than this is constant (2 = only truly constant ones). */
  minDistinct: number;
}

export interface ChannelVariability {
  readonly channel: string;
  readonly present: number;
  /** Distinct non-NaN values, counted up to minDistinct. */
  readonly distinct: number;
  readonly relativeStd: number;
  /** Whether the channel carries (almost) no information and should be dropped before modelling. */
  readonly constant: boolean;
}

const DEFAULTS: ConstantChannelOptions = { relativeStd: 1e-6, absoluteFloor: 1e-12, minDistinct: 2 };

/**
 * Variability of each channel, flagging constant and near-constant ones (C-MAPSS has several sensors that
 * never move in FD001; normalising them divides noise by ~0). A channel with no values at all is constant.
 * Counting stops at `minDistinct` distinct values, so the cost stays O(n) per channel.
 */
export function channelVariability(
  series: Series,
  options?: Partial<ConstantChannelOptions>,
): ChannelVariability[] {
  const o = withDefaults("channelVariability", DEFAULTS, options);
  expectNumber("relativeStd", o.relativeStd, 0);
  expectNumber("absoluteFloor", o.absoluteFloor, 0);
  expectPositiveInteger("minDistinct", o.minDistinct);
  return series.channels.map(({ name }, c) => {
    const values = series.values[c]!;
    const seen = new Set<number>();
    let present = 0;
    for (const v of values) {
      if (Number.isNaN(v)) continue;
      present++;
      if (seen.size < o.minDistinct) seen.add(v);
    }
    const relativeStd = present > 1 ? std(values) / Math.max(Math.abs(mean(values)), o.absoluteFloor) : 0;
    const constant = seen.size < o.minDistinct || relativeStd < o.relativeStd;
    return { channel: name, present, distinct: seen.size, relativeStd, constant };
  });
}

/** Names of the constant or near-constant channels (see channelVariability). */
export function constantChannels(series: Series, options?: Partial<ConstantChannelOptions>): string[] {
  return channelVariability(series, options)
    .filter((v) => v.constant)
    .map((v) => v.channel);
}
