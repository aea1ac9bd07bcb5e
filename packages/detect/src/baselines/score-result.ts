import type { ScoreResult } from "../detector/types.ts";

/** One place that allocates a detector's output for T steps and the given channels. */
export function allocateScores(
  steps: number,
  channels: readonly string[],
  componentNames: readonly string[],
): ScoreResult & { components: Record<string, Float64Array>; channelContributions: Float64Array[] } {
  return {
    score: new Float64Array(steps).fill(Number.NaN),
    components: Object.fromEntries(
      componentNames.map((name) => [name, new Float64Array(steps).fill(Number.NaN)]),
    ),
    channelContributions: channels.map(() => new Float64Array(steps).fill(Number.NaN)),
    channels: [...channels],
  };
}
