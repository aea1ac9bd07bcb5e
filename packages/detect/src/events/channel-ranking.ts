import type { ScoreResult } from "../detector/types.ts";

export interface ChannelShare {
  readonly channel: string;
  /** The channel's share of the summed channel contributions over the steps (0 when none contributes). */
  readonly share: number;
}

/**
 * Channels ranked by their share of the contributions summed over steps [start, end), largest first:
 * the error share for the autoencoders, the T²+Q share for PCA, |z| for the rolling z-score. Steps a
 * channel does not score (NaN) add nothing. Every detector reports contributions, so every detector
 * gets a ranking.
 */
export function rankChannels(scores: ScoreResult, start: number, end: number): ChannelShare[] {
  const totals = scores.channelContributions.map((x) =>
    x.subarray(start, end).reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0),
  );
  const total = totals.reduce((a, b) => a + b, 0);
  return scores.channels
    .map((channel, c) => ({ channel, share: total === 0 ? 0 : totals[c]! / total }))
    .sort((a, b) => b.share - a.share);
}
