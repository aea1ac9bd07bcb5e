import {
  expectInteger,
  expectNumber,
  expectOneOf,
  expectPositiveInteger,
  fail,
  withDefaults,
} from "@vigil/core/validate";

export const VAE_ENCODERS = ["cnn", "transformer", "lstm"] as const;
export const VAE_RECONSTRUCTION_LOSSES = ["mse", "mae", "gaussian-nll"] as const;
export const VAE_NORMALISERS = ["robust", "zscore"] as const;

export interface VaeDetectorOptions {
  /** Window length L: every score looks at the L steps ending at its time step. */
  windowLength: number;
  /** Step between training windows (scoring always uses every window). */
  trainStride: number;
  encoder: (typeof VAE_ENCODERS)[number];
  /**
   * true: a variational autoencoder (z sampled from q(z|x) in training, a KL term in loss and score).
   * false: a deterministic autoencoder (z = the encoder's code, no KL, no sampling; β and its warm-up
   * are unused), which with the "cnn" / "lstm" encoder is the Conv-AE / LSTM-AE baseline.
   */
  variational: boolean;
  /** Width of the encoder (conv channels, model dimension, LSTM hidden size) and of the decoder's hidden layer. */
  hidden: number;
  latent: number;
  /** Stride-2 conv blocks of the "cnn" encoder (the window must be at least 2^blocks long). */
  cnnBlocks: number;
  transformerLayers: number;
  transformerHeads: number;
  lstmLayers: number;
  reconstructionLoss: (typeof VAE_RECONSTRUCTION_LOSSES)[number];
  /** Weight of the KL term once warmed up. */
  beta: number;
  /** β rises linearly from 0 over this many epochs (0: full β from the start). */
  betaWarmupEpochs: number;
  /** Steps H of the forecasting head (0: no head). */
  forecastHorizon: number;
  /** Weight of the forecast loss in training. */
  forecastWeight: number;
  /** How many of the window's last steps the "reconstruction" score averages (1: the last step only). */
  scoreSteps: number;
  /**
   * Divide each channel's error by its median on the training data, so that 1 means "as large as
   * usual for this channel" on every channel and a channel the model reconstructs poorly even when
   * normal does not drown the others (as residual-based detectors such as T²/Q whiten residuals).
   * Not applied to "gaussian-nll", whose decoder already scales each channel by its own variance.
   * Off by default: on SKAB it raised false alarms (F1 0.80 → 0.75), the training medians being
   * in-sample and so smaller than errors on later normal data.
   */
  standardiseErrors: boolean;
  normaliser: (typeof VAE_NORMALISERS)[number];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Fraction of the training series, taken from its end, held out for early stopping (ignored when fit gets a validation series). */
  validationFraction: number;
  /** Epochs without a validation improvement before stopping; the best epoch's weights are kept. */
  patience: number;
  /** Fine-tuning epochs and learning rate of update(). */
  updateEpochs: number;
  updateLearningRate: number;
  /** Windows per inference batch, bounding memory while scoring. */
  scoreBatchSize: number;
  seed: number;
}

/** CPU-friendly defaults: a small model trained for a few epochs. */
export const VAE_DEFAULTS: VaeDetectorOptions = {
  windowLength: 64,
  trainStride: 2,
  encoder: "cnn",
  variational: true,
  hidden: 32,
  latent: 8,
  cnnBlocks: 3,
  transformerLayers: 2,
  transformerHeads: 4,
  lstmLayers: 1,
  reconstructionLoss: "mse",
  beta: 0.1,
  betaWarmupEpochs: 5,
  forecastHorizon: 0,
  forecastWeight: 1,
  scoreSteps: 4,
  standardiseErrors: false,
  normaliser: "robust",
  epochs: 30,
  batchSize: 64,
  learningRate: 2e-3,
  validationFraction: 0.1,
  patience: 5,
  updateEpochs: 3,
  updateLearningRate: 2e-4,
  scoreBatchSize: 1024,
  seed: 0,
};

export function vaeOptions(given: Partial<VaeDetectorOptions> | undefined): VaeDetectorOptions {
  const o = withDefaults("VaeDetector options", VAE_DEFAULTS, given);
  for (const key of [
    "windowLength",
    "trainStride",
    "hidden",
    "latent",
    "cnnBlocks",
    "transformerLayers",
    "transformerHeads",
    "lstmLayers",
    "scoreSteps",
    "epochs",
    "batchSize",
    "patience",
    "scoreBatchSize",
  ] as const)
    expectPositiveInteger(key, o[key]);
  expectInteger("forecastHorizon", o.forecastHorizon, 0);
  expectInteger("betaWarmupEpochs", o.betaWarmupEpochs, 0);
  expectInteger("updateEpochs", o.updateEpochs, 0);
  expectInteger("seed", o.seed, 0, 2 ** 31 - 1);
  expectNumber("beta", o.beta, 0);
  expectNumber("forecastWeight", o.forecastWeight, 0);
  expectNumber("learningRate", o.learningRate, Number.MIN_VALUE);
  expectNumber("updateLearningRate", o.updateLearningRate, Number.MIN_VALUE);
  expectNumber("validationFraction", o.validationFraction, 0, 0.5);
  expectOneOf("encoder", o.encoder, VAE_ENCODERS);
  if (typeof o.variational !== "boolean") fail("variational", "a boolean", o.variational);
  if (typeof o.standardiseErrors !== "boolean") fail("standardiseErrors", "a boolean", o.standardiseErrors);
  expectOneOf("reconstructionLoss", o.reconstructionLoss, VAE_RECONSTRUCTION_LOSSES);
  expectOneOf("normaliser", o.normaliser, VAE_NORMALISERS);
  expectNumber("scoreSteps", o.scoreSteps, 1, o.windowLength);
  if (o.encoder === "cnn" && o.windowLength < 2 ** o.cnnBlocks)
    fail("windowLength", `at least 2^cnnBlocks = ${2 ** o.cnnBlocks}`, o.windowLength);
  if (o.encoder === "transformer" && o.hidden % o.transformerHeads !== 0)
    fail("hidden", `a multiple of transformerHeads (${o.transformerHeads})`, o.hidden);
  return o;
}
