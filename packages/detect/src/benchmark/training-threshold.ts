import { VigilArgumentError } from "@vigil/core/errors";
import {
  POT_DEFAULTS,
  percentileThreshold,
  potThreshold,
  quantileOfSorted,
  sortedFinite,
} from "@vigil/core/threshold";
import { expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";

export const TRAINING_THRESHOLD_RULES = ["pot", "scaled-percentile"] as const;

export interface TrainingThresholdOptions {
  /**
   * "pot": peaks over threshold (Siffer et al., KDD 2017) on the training scores, exceeded with probability `risk`
   * under the fitted tail; invariant to any increasing affine change of the score, so it means the same for every
   * detector. "scaled-percentile": SKAB's rule for its autoencoders, `factor` × the `percentile`-th percentile of
   * the training scores (UCL = 3/2 · the 99th percentile); it assumes scores that start at 0 (errors).
   * With "pot", when the top training scores tie so that none exceeds the initial quantile (no tail
   * to fit), the threshold is just above the training maximum.
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

/** The options with defaults filled in, checked (each error names its key) before any scores exist. */
export function resolveTrainingThreshold(
  options: Partial<TrainingThresholdOptions> | undefined,
): TrainingThresholdOptions {
  const o = withDefaults("trainingThreshold", TRAINING_THRESHOLD_DEFAULTS, options);
  expectOneOf("rule", o.rule, TRAINING_THRESHOLD_RULES);
  expectNumber("risk", o.risk, Number.MIN_VALUE, 1);
  expectNumber("initialQuantile", o.initialQuantile, 0, 1);
  expectNumber("percentile", o.percentile, 0, 100);
  expectNumber("factor", o.factor, 0);
  return o;
}

/** An alarm threshold set from the training scores alone (NaN, i.e. steps without enough history, skipped). */
export function trainingThreshold(
  trainScores: ArrayLike<number>,
  options?: Partial<TrainingThresholdOptions>,
): number {
  const o = resolveTrainingThreshold(options);
  if (o.rule === "pot") {
    const sorted = sortedFinite("training scores", trainScores);
    const top = sorted[sorted.length - 1]!;
    // Discrete scores (quantised sensors) can tie at the top: when nothing exceeds the initial
    // threshold there is no tail to fit, and the training maximum itself is the most extreme level
    // normal data reached, so only scores above it alarm.
    if (top <= quantileOfSorted(sorted, o.initialQuantile)) return nextUp(top);
    return potThreshold(sorted, { risk: o.risk, initialQuantile: o.initialQuantile }).threshold;
  }
  const level = percentileThreshold(trainScores, { percentile: o.percentile });
  if (level < 0) {
    throw new VigilArgumentError(
      `Expected non-negative training scores for the scaled-percentile rule but the ${o.percentile}th percentile is ${level}`,
    );
  }
  return o.factor * level;
}

/**
 * The level an event's onset is dated by: where the tail of the training scores begins, POT's initial threshold
 * (the `initialQuantile`-th quantile, 0.98 by default), above which POT treats scores as extreme. Walking back
 * from an alarm's first crossing, the onset is where the score last rose above it. The same for either rule.
 */
export function onsetLevel(
  trainScores: ArrayLike<number>,
  options?: Partial<TrainingThresholdOptions>,
): number {
  const { initialQuantile } = resolveTrainingThreshold(options);
  return quantileOfSorted(sortedFinite("training scores", trainScores), initialQuantile);
}

/** The smallest double above x (x finite), so that a score equal to x stays below the threshold. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  bits.setBigInt64(0, bits.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return bits.getFloat64(0);
}
