import type { ScoreResult } from "@vigil/detect";

/**
 * The per-step vector whose distribution latent drift tracks: the detector's score components (sorted
 * by name) then its per-channel contributions. VaeDetector does not expose its latent means through the
 * Detector interface, so this "error profile" stands in for the latent code: it is available from every
 * detector and moves when the joint behaviour of the channels departs from what the model learnt.
 */
export function embeddingNames(result: Pick<ScoreResult, "components" | "channels">): string[] {
  return [...Object.keys(result.components).sort(), ...result.channels.map((c) => `contribution:${c}`)];
}

/** The embedding's columns, in the order of embeddingNames (views, not copies). */
export function embeddingColumns(
  result: Pick<ScoreResult, "components" | "channelContributions">,
): Float64Array[] {
  return [
    ...Object.keys(result.components)
      .sort()
      .map((k) => result.components[k]!),
    ...result.channelContributions,
  ];
}
