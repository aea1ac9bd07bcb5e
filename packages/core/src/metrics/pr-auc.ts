import { VigilArgumentError } from "../errors/index.ts";
import { thresholdSweep } from "./sweep.ts";

/**
 * PR-AUC as average precision, the step-wise sum Σ (R_k − R_{k−1}) · P_k over distinct thresholds
 * (as scikit-learn's average_precision_score); no trapezoids, which overstate the area.
 * A random detector scores about the positive rate.
 */
export function averagePrecision(labels: Uint8Array, scores: Float64Array): number {
  const sweep = thresholdSweep(labels, scores);
  if (sweep.positives === 0) {
    throw new VigilArgumentError(
      "Expected at least one positive label for averagePrecision but received none",
    );
  }
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < sweep.thresholds.length; k++) {
    const tp = sweep.truePositives[k]!;
    const recall = tp / sweep.positives;
    ap += (recall - prevRecall) * (tp / (tp + sweep.falsePositives[k]!));
    prevRecall = recall;
  }
  return ap;
}
