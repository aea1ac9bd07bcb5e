import { expectLabelPair } from "./inputs.ts";

export interface ConfusionCounts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export interface PrecisionRecallF1 {
  /** tp / (tp + fp); 0 when nothing is predicted. */
  readonly precision: number;
  /** tp / (tp + fn); 0 when there are no positives. */
  readonly recall: number;
  /** Harmonic mean of precision and recall; 0 when both are 0. */
  readonly f1: number;
}

/** Point-wise confusion counts of 0/1 predictions against 0/1 labels. */
export function confusionCounts(labels: Uint8Array, predictions: Uint8Array): ConfusionCounts {
  expectLabelPair(labels, predictions);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const p = predictions[i]!;
    if (p === 1 && l === 1) tp++;
    else if (p === 1) fp++;
    else if (l === 1) fn++;
  }
  return { tp, fp, fn, tn: labels.length - tp - fp - fn };
}

export function addCounts(a: ConfusionCounts, b: ConfusionCounts): ConfusionCounts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn };
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1Score(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** A ratio whose empty denominator means "nothing to count": 0 rather than NaN. */
export function ratioOrZero(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Precision, recall and F1 from hit counts; empty denominators give 0 rather than NaN. */
export function precisionRecallF1(tp: number, predicted: number, actual: number): PrecisionRecallF1 {
  const precision = ratioOrZero(tp, predicted);
  const recall = ratioOrZero(tp, actual);
  return { precision, recall, f1: f1Score(precision, recall) };
}
