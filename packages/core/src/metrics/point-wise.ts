import {
  type ConfusionCounts,
  confusionCounts,
  type PrecisionRecallF1,
  precisionRecallF1,
} from "./confusion.ts";

export interface PointwiseResult extends PrecisionRecallF1 {
  readonly counts: ConfusionCounts;
}

/** Every time step is one sample: precision/recall/F1 over the point-wise confusion matrix. */
export function pointwiseScores(labels: Uint8Array, predictions: Uint8Array): PointwiseResult {
  const counts = confusionCounts(labels, predictions);
  return { ...precisionRecallF1(counts.tp, counts.tp + counts.fp, counts.tp + counts.fn), counts };
}
