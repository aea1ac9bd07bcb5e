import { VigilArgumentError } from "@vigil/core/errors";
import type { Rng } from "@vigil/core/random";
import { expectNumber } from "@vigil/core/validate";
import { clipToNorm } from "../update/delta.ts";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";

export interface DpAggregate {
  readonly tensors: NamedTensor[];
  /** Clients whose delta was longer than clipNorm and was scaled down to it. */
  readonly clipped: string[];
  /** Standard deviation of the noise added to each coordinate of the mean: σ·C / m. */
  readonly noiseStd: number;
}

/**
 * Client-level DP-FedAvg (McMahan et al. 2018, "Learning differentially private recurrent language
 * models"): every client's delta is clipped to L2 norm C, the clipped deltas are summed, Gaussian
 * noise N(0, (σC)²) is added to every coordinate of the sum and the result is divided by the number of
 * clients m. Adding or removing one client moves the sum by at most C, so each round is the Gaussian
 * mechanism with noise multiplier σ (see RdpAccountant). Clients weigh equally here: weighting by n_k
 * would let one site's sample count raise its influence past C. m is taken as public.
 */
export function dpFedAvg(
  updates: readonly ModelUpdate[],
  options: { readonly clipNorm: number; readonly noiseMultiplier: number; readonly rng: Rng },
): DpAggregate {
  const clipNorm = expectNumber("clipNorm", options.clipNorm, Number.MIN_VALUE);
  const sigma = expectNumber("noiseMultiplier", options.noiseMultiplier, 0);
  const first = updates[0];
  if (first === undefined) throw new VigilArgumentError("Expected at least one update to aggregate");
  const clipped: string[] = [];
  const bounded = updates.map((u) => {
    const c = clipToNorm(u.tensors, clipNorm);
    if (c.clipped) clipped.push(u.client);
    return c.tensors;
  });
  const m = updates.length;
  const tensors = first.tensors.map((t, j) => {
    const out = new Float64Array(t.data.length);
    for (const b of bounded) {
      const data = b[j]!.data;
      for (let i = 0; i < out.length; i++) out[i] = out[i]! + data[i]!;
    }
    for (let i = 0; i < out.length; i++) out[i] = (out[i]! + sigma * clipNorm * options.rng.normal()) / m;
    return { name: t.name, shape: t.shape, data: out };
  });
  return { tensors, clipped, noiseStd: (sigma * clipNorm) / m };
}
