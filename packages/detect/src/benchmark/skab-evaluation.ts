import { VigilArgumentError } from "@vigil/core/errors";
import {
  predictedChangepoints,
  type SkabChangepointResult,
  type SkabOutlierResult,
  skabChangepointScore,
  skabOutlierScores,
} from "@vigil/core/metrics";
import type { SkabExperiment } from "@vigil/data/datasets";

export interface SkabEvaluation {
  /** Point-wise F1 / FAR / MAR over the confusion matrix summed across the test parts. */
  readonly outlier: SkabOutlierResult;
  /** NAB-style changepoint score, 60 s windows to the right of each true changepoint. */
  readonly changepoint: SkabChangepointResult;
}

/**
 * Scores binary outlier predictions on the test parts exactly as SKAB's README states: the outlier metrics over
 * the summed confusion matrix, and the changepoint score on the reported changepoints (0/1 per test row), by
 * default |Δ prediction| (SKAB's convention: each rise and fall of the alarm is a reported changepoint).
 */
export function evaluateSkab(
  experiments: readonly SkabExperiment[],
  predictions: readonly Uint8Array[],
  changepoints: readonly Uint8Array[] = predictions.map(predictedChangepoints),
): SkabEvaluation {
  for (const [name, arrays] of [
    ["prediction", predictions],
    ["changepoint", changepoints],
  ] as const) {
    if (arrays.length !== experiments.length) {
      throw new VigilArgumentError(
        `Expected one ${name} array per experiment (${experiments.length}) but received ${arrays.length}`,
      );
    }
  }
  const outlier = skabOutlierScores(
    experiments.map((e, i) => ({ labels: e.test.anomaly, predictions: predictions[i]! })),
  );
  const changepoint = skabChangepointScore(
    experiments.map((e, i) => ({
      timestamps: e.test.series.timestamps,
      changepoints: e.test.changepoint,
      predicted: changepoints[i]!,
    })),
  );
  return { outlier, changepoint };
}
