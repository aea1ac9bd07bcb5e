import { median } from "@vigil/core/stats";
import { expectNumber } from "@vigil/core/validate";
import { clipToNorm, l2Norm } from "../update/delta.ts";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";
import { fedAvg } from "./fedavg.ts";

export interface NormBoundedResult {
  readonly tensors: NamedTensor[];
  /** The bound each delta was clipped to. */
  readonly bound: number;
  /** Clients whose delta was longer than the bound and was scaled down to it. */
  readonly clipped: string[];
}

/**
 * Norm-bounded FedAvg (Sun et al. 2019, "Can you really backdoor federated learning?"): each client's
 * delta is scaled down to L2 norm `bound` when longer, then FedAvg weights by sample count. Without a
 * bound, the median of the deltas' norms is used, so a minority of inflated updates cannot set it.
 */
export function normBoundedFedAvg(updates: readonly ModelUpdate[], bound?: number): NormBoundedResult {
  const limit =
    bound === undefined ? median(updates.map((u) => l2Norm(u.tensors))) : expectNumber("normBound", bound, 0);
  const clipped: string[] = [];
  const bounded = updates.map((u) => {
    const c = clipToNorm(u.tensors, limit);
    if (c.clipped) clipped.push(u.client);
    return { ...u, tensors: c.tensors };
  });
  return { tensors: fedAvg(bounded), bound: limit, clipped };
}
