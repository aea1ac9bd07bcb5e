import { bocpd, type ConjugateModel, changepointsFromStartProbability } from "@vigil/core/changepoint";

export interface Segment {
  readonly from: number;
  readonly to: number;
  /** Mean of the original values over [from, to). */
  readonly mean: number;
}

export interface SegmentationOptions {
  hazardTimescale: number;
  lag: number;
  changeProbability: number;
  maxRunLength: number;
}

/**
 * Periods between BOCPD changepoints of `observations` under `model`, each with the mean of `values`
 * (the observations themselves, or the unstandardised signal they came from).
 */
export function bocpdSegments(
  observations: ArrayLike<number>,
  values: ArrayLike<number>,
  model: ConjugateModel,
  o: SegmentationOptions,
): Segment[] {
  if (observations.length === 0) return [];
  const { startProbability } = bocpd(observations, model, {
    hazardTimescale: o.hazardTimescale,
    lag: o.lag,
    maxRunLength: o.maxRunLength,
  });
  const cuts = [
    0,
    ...changepointsFromStartProbability(startProbability, o.changeProbability),
    observations.length,
  ];
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const from = cuts[k]!;
    const to = cuts[k + 1]!;
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i]!;
    segments.push({ from, to, mean: sum / (to - from) });
  }
  return segments;
}
