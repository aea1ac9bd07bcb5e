import { f1Score, type PrecisionRecallF1, ratioOrZero } from "./confusion.ts";
import { expectLabelPair } from "./inputs.ts";
import { anyInRange, maskRanges } from "./ranges.ts";

export interface EventwiseResult extends PrecisionRecallF1 {
  readonly trueEvents: number;
  /** True events with at least one flagged step. */
  readonly detectedEvents: number;
  readonly predictedEvents: number;
  /** Predicted events that overlap no true event. */
  readonly falseEvents: number;
}

/**
 * Event-wise (range-based) scores with the common existence definition:
 * a true event (maximal run of label 1s) is detected when any of its steps is flagged;
 * a predicted event (maximal run of prediction 1s) is a false positive when it overlaps no true event.
 * Recall = detected / true events, which is Tatbul et al.'s (2018) range recall with α = 1 (existence only);
 * precision = (predicted − false) / predicted events, which unlike Tatbul's range precision ignores how much
 * of a predicted event overlaps.
 */
export function eventwiseScores(labels: Uint8Array, predictions: Uint8Array): EventwiseResult {
  expectLabelPair(labels, predictions);
  const truth = maskRanges(labels);
  const predicted = maskRanges(predictions);
  const detectedEvents = truth.filter((r) => anyInRange(predictions, r)).length;
  const falseEvents = predicted.filter((r) => !anyInRange(labels, r)).length;
  const precision = ratioOrZero(predicted.length - falseEvents, predicted.length);
  const recall = ratioOrZero(detectedEvents, truth.length);
  return {
    precision,
    recall,
    f1: f1Score(precision, recall),
    trueEvents: truth.length,
    detectedEvents,
    predictedEvents: predicted.length,
    falseEvents,
  };
}
