import type { Series } from "@vigil/core";

/** Per-time-step output of a detector on a series of T steps and C channels. */
export interface ScoreResult {
  /** Raw anomaly score per time step (higher = more anomalous); NaN where not enough history. */
  readonly score: Float64Array;
  /** Named additive components of the score (e.g. "reconstruction", "kl", "forecast"), each length T. */
  readonly components: Readonly<Record<string, Float64Array>>;
  /** Per-channel contribution to the score: channelContributions[c][t]. */
  readonly channelContributions: readonly Float64Array[];
  /** Channel names in the order of channelContributions. */
  readonly channels: readonly string[];
  /**
   * Models with a latent code (the VAE family): latent[k][t] is dimension k of the code (μ) of the
   * window ending at t, NaN where no window ends. Drift monitors compare its distribution with training.
   */
  readonly latent?: readonly Float64Array[];
}

export interface DetectorCard {
  readonly kind: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * Every detector (neural or classical) has this shape, so thresholds, calibration, alerting,
 * attribution, the registry and the service treat them alike.
 */
export interface Detector {
  readonly kind: string;
  fit(
    train: Series,
    options?: { validation?: Series; onProgress?: (p: FitProgress) => void },
  ): Promise<FitReport>;
  /** Scores every step; `onProgress` (optional to honour) reports long work, e.g. for a progress bar. */
  score(series: Series, options?: ScoreOptions): Promise<ScoreResult>;
  /** Online use: absorbs new normal data without a full refit (may be a no-op where documented). */
  update(series: Series): Promise<void>;
  /** State to persist: named float arrays (become safetensors) plus a JSON-able card. */
  exportState(): {
    tensors: Record<
      string,
      { dtype: "float32" | "float64"; shape: number[]; data: Float32Array | Float64Array }
    >;
    card: DetectorCard;
  };
}

export interface ScoreOptions {
  /** Called as scoring advances: `done` of `total` units (e.g. windows). */
  readonly onProgress?: (p: { readonly done: number; readonly total: number }) => void;
}

export interface FitProgress {
  readonly epoch: number;
  readonly epochs: number;
  readonly trainLoss?: number;
  readonly validationLoss?: number;
}

export interface FitReport {
  readonly seconds: number;
  readonly epochs?: number;
  readonly trainLoss?: number;
  readonly validationLoss?: number;
}
