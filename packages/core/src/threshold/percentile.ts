import { expectNumber, withDefaults } from "../validate/index.ts";
import { quantileOfSorted, sortedFinite } from "./empirical-quantile.ts";

export interface PercentileThresholdOptions {
  /** Percentile of the validation scores, in [0, 100]. */
  percentile: number;
}

const DEFAULTS: PercentileThresholdOptions = { percentile: 99 };

/** The chosen percentile of validation scores (NaN skipped): a score above it is flagged. */
export function percentileThreshold(
  validationScores: ArrayLike<number>,
  options?: Partial<PercentileThresholdOptions>,
): number {
  const o = withDefaults("percentileThreshold", DEFAULTS, options);
  expectNumber("percentile", o.percentile, 0, 100);
  return quantileOfSorted(sortedFinite("validationScores", validationScores), o.percentile / 100);
}
