import { expectOneOf, withDefaults } from "@vigil/core/validate";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";
import { coordinateMedian } from "./coordinate-median.ts";
import { fedAvg } from "./fedavg.ts";
import { normBoundedFedAvg } from "./norm-bounded.ts";
import { trimmedMean } from "./trimmed-mean.ts";

export const AGGREGATION_RULES = ["fedavg", "median", "trimmed-mean", "norm-bounded"] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

export interface AggregationOptions {
  /** "fedavg" (weighted by sample count), "median", "trimmed-mean" or "norm-bounded" (clipped FedAvg). */
  rule: AggregationRule;
  /**
   * β of "trimmed-mean": ⌊β·m⌋ of the m values are dropped at each end of every coordinate, so with 4
   * clients β must be at least 0.25 to drop any.
   */
  trimFraction: number;
  /** The L2 bound of "norm-bounded"; undefined: the median of the deltas' norms. */
  normBound: number | undefined;
}

export const AGGREGATION_DEFAULTS: AggregationOptions = {
  rule: "fedavg",
  trimFraction: 0.2,
  normBound: undefined,
};

export interface Aggregate {
  readonly tensors: NamedTensor[];
  /** Clients whose delta was scaled down (norm-bounded only). */
  readonly clipped: string[];
}

/** Aggregates screened updates (see screenUpdates) by one rule. */
export function aggregateUpdates(
  updates: readonly ModelUpdate[],
  options?: Partial<AggregationOptions>,
): Aggregate {
  const o = withDefaults("aggregation options", AGGREGATION_DEFAULTS, options);
  switch (expectOneOf("rule", o.rule, AGGREGATION_RULES)) {
    case "fedavg":
      return { tensors: fedAvg(updates), clipped: [] };
    case "median":
      return { tensors: coordinateMedian(updates), clipped: [] };
    case "trimmed-mean":
      return { tensors: trimmedMean(updates, o.trimFraction), clipped: [] };
    case "norm-bounded": {
      const r = normBoundedFedAvg(updates, o.normBound);
      return { tensors: r.tensors, clipped: r.clipped };
    }
  }
}
