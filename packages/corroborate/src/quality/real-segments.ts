import { expectNumber, withDefaults } from "@vigil/core";
import { normalGammaModel } from "@vigil/core/changepoint";
import { MAD_TO_SIGMA } from "../confirm/robust-z.ts";
import { bocpdSegments, type Segment } from "./segments.ts";

export interface RealSegmentOptions {
  /** λ of the constant hazard: the expected segment length in samples. */
  hazardTimescale: number;
  /** Changepoint at i when P(run of length lag at i + lag − 1) > changeProbability. */
  lag: number;
  changeProbability: number;
  maxRunLength: number;
}

const DEFAULTS: RealSegmentOptions = {
  hazardTimescale: 1000,
  lag: 20,
  changeProbability: 0.5,
  maxRunLength: 200,
};

export type RealSegment = Segment;

/**
 * Segments a real-valued signal (e.g. beam charge sampled once a second) into steady periods with BOCPD
 * under a Normal-Gamma model. The signal is first standardised by its median and MAD, so the prior
 * (mean 0, variance ≈ 1) suits any unit. NaN samples must be removed beforehand.
 */
export function realValuedSegments(
  values: Float64Array,
  options?: Partial<RealSegmentOptions>,
): RealSegment[] {
  const o = withDefaults("realValuedSegments", DEFAULTS, options);
  expectNumber("changeProbability", o.changeProbability, 0, 1);
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const median = sorted[sorted.length >> 1]!;
  const deviations = values.map((v) => Math.abs(v - median)).sort();
  const scale = MAD_TO_SIGMA * deviations[deviations.length >> 1]! || 1;
  const z = values.map((v) => (v - median) / scale);
  return bocpdSegments(z, values, normalGammaModel({ mean: 0, kappa: 1, alpha: 1, beta: 1 }), o);
}
