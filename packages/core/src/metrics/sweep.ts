import { expectBinaryMask, expectSameLength } from "./inputs.ts";

/**
 * Cumulative hits when flagging `score >= threshold`, for every distinct score from highest to lowest.
 * NaN scores (e.g. a detector's warm-up) are never flagged.
 */
export interface ThresholdSweep {
  readonly thresholds: Float64Array;
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  readonly positives: number;
}

export function thresholdSweep(labels: Uint8Array, scores: Float64Array): ThresholdSweep {
  expectSameLength("labels and scores", labels, scores);
  expectBinaryMask("labels", labels);
  const order: number[] = [];
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) positives++;
    if (!Number.isNaN(scores[i]!)) order.push(i);
  }
  order.sort((a, b) => scores[b]! - scores[a]!);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    // Tied scores are one threshold: record only after the last of a tie.
    if (next === undefined || scores[next] !== scores[i]) {
      thresholds.push(scores[i]!);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Float64Array.from(tps),
    falsePositives: Float64Array.from(fps),
    positives,
  };
}
