import { VigilArgumentError } from "@vigil/core/errors";
import { POT_DEFAULTS, percentileThreshold, potThreshold } from "@vigil/core/threshold";
import { expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";

export const TRAINING_THRESHOLD_RULES = ["pot", "scaled-percentile"] as const;

export interface TrainingThresholdOptions {
  /**
   * "pot": peaks over threshold (Siffer et al., KDD 2017) on the training scores, exceeded with probability `risk`
   * under the fitted tail; invariant to any increasing affine change of the score, so it means the same for every
   * detector. "scaled-percentile": SKAB's rule for its autoencoders, `factor` × the `percentile`-th percentile of
   * the training scores (UCL = 3/2 · the 99th percentile); it assumes scores that start at 0 (errors).
   */
  rule: (typeof TRAINING_THRESHOLD_RULES)[number];
  /** POT: probability per step of exceeding the threshold on normal data. */
  risk: number;
  /** POT: quantile of the training scores above which the tail is fitted. */
  initialQuantile: number;
  /** scaled-percentile: percentile of the training scores, in [0, 100]. */
  percentile: number;
  /** scaled-percentile: multiple of that percentile. */
  factor: number;
}

/** POT at the library's defaults (Siffer et al.'s q = 1e-4, t = the 98th percentile). */
export const TRAINING_THRESHOLD_DEFAULTS: TrainingThresholdOptions = {
  rule: "pot",
  risk: POT_DEFAULTS.risk,
  initialQuantile: POT_DEFAULTS.initialQuantile,
  percentile: 99,
  factor: 1.5,
};

/** An alarm threshold set from the training scores alone (NaN, i.e. steps without enough history, skipped). */
export function trainingThreshold(
  trainScores: ArrayLike<number>,
  options?: Partial<TrainingThresholdOptions>,
): number {
  const o = withDefaults("trainingThreshold", TRAINING_THRESHOLD_DEFAULTS, options);
  expectOneOf("rule", o.rule, TRAINING_THRESHOLD_RULES);
  if (o.rule === "pot")
    return potThreshold(trainScores, { risk: o.risk, initialQuantile: o.initialQuantile }).threshold;
  expectNumber("factor", o.factor, 0);
  const level = percentileThreshold(trainScores, { percentile: o.percentile });
  if (level < 0) {
    throw new VigilArgumentError(
      `Expected non-negative training scores for the scaled-percentile rule but the ${o.percentile}th percentile is ${level}`,
    );
  }
  return o.factor * level;
}
