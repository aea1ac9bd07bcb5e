import { VigilArgumentError } from "@vigil/core/errors";
import type { Series } from "@vigil/core/series";
import type { Detector, FitReport, ScoreOptions, ScoreResult } from "@vigil/detect";

export interface TrainedDetectorOptions {
  /** What the model expects of a series before scoring it (e.g. the file's own normaliser); default: as given. */
  readonly prepare?: (series: Series) => Series;
  /** Frees what this file's detector owns (a shared model is freed by its owner instead). */
  readonly release?: () => void;
}

/**
 * A model trained before the SKAB protocol runs (federated rounds, or one network on pooled data),
 * presented to `runSkab` as one file's detector, so that every method is thresholded, read into alarms and
 * changepoints and evaluated by the very same code. Its `fit` trains nothing: it only checks that it is
 * handed the training part the model was trained for (the file's threshold then comes from that part's
 * scores, as for a locally fitted model) and reports 0 s; the caller times the real training.
 */
export class TrainedDetector implements Detector {
  readonly kind: string;
  readonly #model: Detector;
  readonly #trainedOn: Series;
  readonly #options: TrainedDetectorOptions;

  constructor(model: Detector, trainedOn: Series, options: TrainedDetectorOptions = {}) {
    this.kind = model.kind;
    this.#model = model;
    this.#trainedOn = trainedOn;
    this.#options = options;
  }

  async fit(train: Series): Promise<FitReport> {
    if (train !== this.#trainedOn) {
      throw new VigilArgumentError(
        "Expected the training part this model was trained for; a TrainedDetector serves one file only",
        { name: "train" },
      );
    }
    return { seconds: 0 };
  }

  score(series: Series, options?: ScoreOptions): Promise<ScoreResult> {
    return this.#model.score(this.#options.prepare?.(series) ?? series, options);
  }

  update(): Promise<void> {
    return Promise.reject(
      new VigilArgumentError("A TrainedDetector is scored only; update its model instead"),
    );
  }

  exportState(): ReturnType<Detector["exportState"]> {
    throw new VigilArgumentError("A TrainedDetector is scored only; export its model instead");
  }

  dispose(): void {
    this.#options.release?.();
  }
}
