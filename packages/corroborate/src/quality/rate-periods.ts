import { betaBernoulliModel } from "@vigil/core/changepoint";
import { bocpdSegments } from "./segments.ts";

export interface RatePeriodOptions {
  /** Expected run length λ of the constant hazard (Appendix C: 1e5). */
  hazardTimescale: number;
  /** Prior P(good row) and its strength in pseudo-observations (Appendix C: 0.9, 2). */
  priorMean: number;
  priorStrength: number;
  /** Changepoint at i when P(run of length lag at i + lag − 1) > changeProbability (Appendix C: 100, 0.1). */
  lag: number;
  changeProbability: number;
  /** BOCPD run-length truncation (speed); must be ≥ lag. */
  maxRunLength: number;
  /** Periods whose mean mask is below this are dropped (Appendix C: 0.85). */
  minGoodFraction: number;
}

export const RATE_PERIOD_DEFAULTS: RatePeriodOptions = {
  hazardTimescale: 1e5,
  priorMean: 0.9,
  priorStrength: 2,
  lag: 100,
  changeProbability: 0.1,
  maxRunLength: 128,
  minGoodFraction: 0.85,
};

export interface RatePeriod {
  readonly from: number;
  readonly to: number;
  readonly goodFraction: number;
}

/**
 * Splits the rate mask into periods at BOCPD changepoints (Beta-Bernoulli model) and marks the periods
 * whose good fraction is below minGoodFraction.
 */
export function badRatePeriods(mask: Uint8Array, o: RatePeriodOptions): RatePeriod[] {
  const model = betaBernoulliModel({ priorMean: o.priorMean, priorStrength: o.priorStrength });
  return bocpdSegments(mask, mask, model, o)
    .filter((s) => s.mean < o.minGoodFraction)
    .map((s) => ({ from: s.from, to: s.to, goodFraction: s.mean }));
}
