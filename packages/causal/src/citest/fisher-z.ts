import { VigilArgumentError } from "@vigil/core/errors";
import { twoSidedNormalP } from "@vigil/core/stats";
import type { DataMatrix } from "../data/matrix.ts";
import { validateMatrix } from "../data/matrix.ts";
import { computeMoments, correlationFromCovariance } from "../data/moments.ts";
import { partialCorrelation } from "./partial-correlation.ts";
import { type CITest, cached } from "./types.ts";

/** Largest |r| used in atanh, so a perfect correlation gives a huge but finite statistic. */
const MAX_R = 1 - 1e-15;

/** √(n − |S| − 3)·atanh(r): standard normal under independence for Gaussian data. */
export function fisherZStatistic(r: number, n: number, conditioningSize: number): number {
  const df = n - conditioningSize - 3;
  if (df <= 0) return 0;
  return Math.sqrt(df) * Math.atanh(Math.max(-MAX_R, Math.min(MAX_R, r)));
}

/** Fisher-z test from a correlation matrix and its sample size (the Gaussian sufficient statistics), cached. */
export function fisherZFromCorrelation(correlation: Float64Array, n: number): CITest {
  const p = Math.round(Math.sqrt(correlation.length));
  if (p * p !== correlation.length)
    throw new VigilArgumentError(`correlation has ${correlation.length} entries, not a square`);
  return cached({
    name: "fisherz",
    variables: p,
    test(x, y, s) {
      const z = fisherZStatistic(partialCorrelation(correlation, p, x, y, s), n, s.length);
      return { pValue: twoSidedNormalP(z), statistic: Math.abs(z) };
    },
  });
}

export function fisherZTest(data: DataMatrix): CITest {
  validateMatrix(data);
  const moments = computeMoments(data);
  return fisherZFromCorrelation(
    correlationFromCovariance(moments.covariance, data.columns.length),
    moments.n,
  );
}
