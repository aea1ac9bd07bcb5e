import { type PrecisionRecallF1, precisionRecallF1 } from "./confusion.ts";
import { thresholdSweep } from "./sweep.ts";

export interface BestF1Result extends PrecisionRecallF1 {
  /** Flag `score >= threshold`; NaN when no threshold gives a positive F1. */
  readonly threshold: number;
}

/**
 * The best point-wise F1 over all thresholds. It uses the test labels to pick the threshold, so it is an
 * upper bound on what a deployed threshold reaches: report it as such.
 */
export function bestF1(labels: Uint8Array, scores: Float64Array): BestF1Result {
  const sweep = thresholdSweep(labels, scores);
  let best: BestF1Result = { precision: 0, recall: 0, f1: 0, threshold: Number.NaN };
  for (let k = 0; k < sweep.thresholds.length; k++) {
    const tp = sweep.truePositives[k]!;
    const r = precisionRecallF1(tp, tp + sweep.falsePositives[k]!, sweep.positives);
    if (r.f1 > best.f1) best = { ...r, threshold: sweep.thresholds[k]! };
  }
  return best;
}
