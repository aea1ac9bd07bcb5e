import type { PrecisionRecallF1 } from "./confusion.ts";
import { expectLabelPair } from "./inputs.ts";
import { pointwiseScores } from "./point-wise.ts";
import { anyInRange, maskRanges } from "./ranges.ts";

export interface PointAdjustedResult extends PrecisionRecallF1 {
  /**
   * Always true: point adjustment credits a whole event for one flagged step, so even random scores
   * reach high F1 on long events (Kim et al., AAAI 2022). Report it beside, never instead of, other metrics.
   */
  readonly inflated: true;
}

/** Predictions with every true event fully flagged as soon as any of its steps is flagged. */
export function pointAdjust(labels: Uint8Array, predictions: Uint8Array): Uint8Array {
  expectLabelPair(labels, predictions);
  const adjusted = predictions.slice();
  for (const r of maskRanges(labels)) if (anyInRange(predictions, r)) adjusted.fill(1, r.start, r.end + 1);
  return adjusted;
}

/** Point-wise precision/recall/F1 after point adjustment (labelled `inflated`). */
export function pointAdjustedScores(labels: Uint8Array, predictions: Uint8Array): PointAdjustedResult {
  const { precision, recall, f1 } = pointwiseScores(labels, pointAdjust(labels, predictions));
  return { precision, recall, f1, inflated: true };
}
