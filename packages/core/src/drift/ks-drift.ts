import { expectNumber, withDefaults } from "../validate/index.ts";
import { expectMatchingDimensions } from "./dimensions.ts";
import { ksTwoSample } from "./ks.ts";

export interface KsDriftOptions {
  /** Family-wise false-positive rate; each of d dimensions is tested at alpha / d (Bonferroni). */
  alpha: number;
}

export interface KsDriftResult {
  readonly drift: boolean;
  readonly statistics: Float64Array;
  readonly pValues: Float64Array;
  /** alpha / dimensions. */
  readonly perDimensionAlpha: number;
  readonly driftedDimensions: number[];
}

const DEFAULTS: KsDriftOptions = { alpha: 0.05 };

/** Per-dimension two-sample KS tests with a Bonferroni correction; data as one column per dimension. */
export function ksDrift(
  reference: readonly ArrayLike<number>[],
  current: readonly ArrayLike<number>[],
  options?: Partial<KsDriftOptions>,
): KsDriftResult {
  const o = withDefaults("ksDrift", DEFAULTS, options);
  expectNumber("alpha", o.alpha, 0, 1);
  const d = expectMatchingDimensions(reference, current);
  const statistics = new Float64Array(d);
  const pValues = new Float64Array(d);
  const perDimensionAlpha = o.alpha / d;
  const driftedDimensions: number[] = [];
  for (let k = 0; k < d; k++) {
    const r = ksTwoSample(reference[k]!, current[k]!);
    statistics[k] = r.statistic;
    pValues[k] = r.pValue;
    if (r.pValue < perDimensionAlpha) driftedDimensions.push(k);
  }
  return { drift: driftedDimensions.length > 0, statistics, pValues, perDimensionAlpha, driftedDimensions };
}
