import { VigilArgumentError } from "@vigil/core/errors";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";

/**
 * FedAvg (McMahan et al. 2017): the mean of the deltas weighted by each client's sample count n_k,
 * Σ n_k Δ_k / Σ n_k, so a site with ten times the data pulls ten times as hard. Updates must be
 * screened (same tensors in the same order).
 */
export function fedAvg(updates: readonly ModelUpdate[]): NamedTensor[] {
  const first = updates[0];
  if (first === undefined) throw new VigilArgumentError("Expected at least one update to aggregate");
  const total = updates.reduce((sum, u) => sum + u.sampleCount, 0);
  return first.tensors.map((t, j) => {
    const out = new Float64Array(t.data.length);
    for (const u of updates) {
      const w = u.sampleCount / total;
      const data = u.tensors[j]!.data;
      for (let i = 0; i < out.length; i++) out[i] = out[i]! + w * data[i]!;
    }
    return { name: t.name, shape: t.shape, data: out };
  });
}
