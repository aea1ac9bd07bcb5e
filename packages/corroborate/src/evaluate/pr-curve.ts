import { VigilArgumentError } from "@vigil/core";
import { thresholdSweep } from "@vigil/core/metrics";
import { type Confusion, withRates } from "./confusion.ts";

export interface PrPoint extends Confusion {
  /** Predict "anomaly" when score ≥ threshold. */
  readonly threshold: number;
}

/**
 * Precision-recall curve over every distinct score as threshold, from the highest down (NaN scores never
 * predict an anomaly), and its best-F1 point.
 */
export function precisionRecallCurve(
  scores: Float64Array,
  labels: Uint8Array,
): { points: PrPoint[]; best: PrPoint } {
  const sweep = thresholdSweep(labels, scores);
  const negatives = labels.length - sweep.positives;
  const points: PrPoint[] = Array.from(sweep.thresholds, (threshold, k) => {
    const tp = sweep.truePositives[k]!;
    const fp = sweep.falsePositives[k]!;
    return { threshold, ...withRates({ tp, fp, fn: sweep.positives - tp, tn: negatives - fp }) };
  });
  if (points.length === 0) throw new VigilArgumentError("Expected at least one non-NaN score for a PR curve");
  const best = points.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return { points, best };
}
