import { expectInteger, withDefaults } from "../validate/index.ts";

export interface VarianceOptions {
  /** Delta degrees of freedom: 1 = sample (unbiased) variance, 0 = population variance. */
  ddof: number;
}

const VARIANCE_DEFAULTS: VarianceOptions = { ddof: 1 };

/** Mean of the non-NaN values; NaN when there are none. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Variance of the non-NaN values, two-pass (mean first) so that a large offset does not cancel the
 * digits of a small spread. NaN when fewer than ddof + 1 values are present.
 */
export function variance(values: ArrayLike<number>, options?: Partial<VarianceOptions>): number {
  const { ddof } = withDefaults("variance", VARIANCE_DEFAULTS, options);
  expectInteger("ddof", ddof, 0);
  const m = mean(values);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    sum += (v - m) * (v - m);
    count++;
  }
  return count <= ddof ? Number.NaN : sum / (count - ddof);
}

/** Standard deviation: the square root of `variance` with the same options. */
export function std(values: ArrayLike<number>, options?: Partial<VarianceOptions>): number {
  return Math.sqrt(variance(values, options));
}
