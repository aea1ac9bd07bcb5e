import type { ScoreResult } from "@vigil/detect";

/**
 * The per-step vector whose distribution latent drift tracks: the latent code (μ) for models that have
 * one (the VAE family), as the issue asks; otherwise the detector's "error profile" — its score
 * components (sorted by name) then its per-channel contributions — which every detector has and which
 * moves when the joint behaviour of the channels departs from what the model learnt.
 */
export function embeddingNames(result: Pick<ScoreResult, "components" | "channels" | "latent">): string[] {
  if (result.latent !== undefined) return result.latent.map((_, k) => `latent:${k}`);
  return [...Object.keys(result.components).sort(), ...result.channels.map((c) => `contribution:${c}`)];
}

/** The embedding's columns, in the order of embeddingNames (views, not copies). */
export function embeddingColumns(
  result: Pick<ScoreResult, "components" | "channelContributions" | "latent">,
): Float64Array[] {
  if (result.latent !== undefined) return [...result.latent];
  return [
    ...Object.keys(result.components)
      .sort()
      .map((k) => result.components[k]!),
    ...result.channelContributions,
  ];
}
