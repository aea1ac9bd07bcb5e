import {
  type ConfusionCounts,
  confusionCounts,
  type PrecisionRecallF1,
  precisionRecallF1,
} from "@vigil/core/metrics";

/** Binary confusion matrix (predicted × actual) with precision, recall and F1. */
export type Confusion = ConfusionCounts & PrecisionRecallF1;

export function withRates(c: ConfusionCounts): Confusion {
  return { ...c, ...precisionRecallF1(c.tp, c.tp + c.fp, c.tp + c.fn) };
}

/** Confusion of `score ≥ threshold` against 0/1 labels (NaN scores predict "no anomaly"). */
export function confusionAt(scores: Float64Array, labels: Uint8Array, threshold: number): Confusion {
  return withRates(
    confusionCounts(
      labels,
      Uint8Array.from(scores, (s) => (s >= threshold ? 1 : 0)),
    ),
  );
}
