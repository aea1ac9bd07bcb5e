import { expectNumber, expectOneOf, expectPositiveInteger, fail, withDefaults } from "@vigil/core/validate";

export const RUL_PADDINGS = ["edge", "none"] as const;

/**
 * The usual piecewise-linear target of C-MAPSS work: RUL is taken as constant (healthy) above this
 * many cycles, since nothing in the early, healthy part of a trajectory tells how far failure is.
 */
export const DEFAULT_RUL_CAP = 125;

export interface RulRegressorOptions {
  /** Window W: each prediction reads the last W rows (cycles) of the chosen channels. */
  windowLength: number;
  /** Targets are min(RUL, cap) in training, and predictions are clipped to [0, cap]. */
  rulCap: number;
  /**
   * Channel names to read; null: every channel with role "sensor" (all channels if none has a role).
   * Channels constant over the training units are dropped either way (see `RulRegressor.dropped`).
   */
  channels: readonly string[] | null;
  /**
   * Rows before the first full window: "edge" predicts them from a window left-padded with copies of
   * the series' first row (so a unit shorter than W still gets a prediction); "none" gives NaN.
   * Training always uses full windows only.
   */
  padding: (typeof RUL_PADDINGS)[number];
  /** Conv channels of each of the `convBlocks` blocks (kernel 5, "same" padding, ReLU). */
  hidden: number;
  convBlocks: number;
  /** Width of the dense layer between the flattened conv features and the output. */
  dense: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Fraction of the training units (whole units, never rows) held out for early stopping. */
  validationFraction: number;
  /** Epochs without a validation improvement before stopping; the best epoch's weights are kept. */
  patience: number;
  /** Step between training windows within a unit. */
  trainStride: number;
  /** Windows per inference batch, bounding memory while predicting. */
  predictBatchSize: number;
  seed: number;
}

/**
 * CPU-friendly defaults (about 75 k weights, ~1-2 s per epoch on C-MAPSS FD001 on 2 cores), chosen
 * before any test result was seen and never tuned on test RUL.
 */
export const RUL_DEFAULTS: RulRegressorOptions = {
  windowLength: 30,
  rulCap: DEFAULT_RUL_CAP,
  channels: null,
  padding: "edge",
  hidden: 32,
  convBlocks: 3,
  dense: 64,
  epochs: 60,
  batchSize: 128,
  learningRate: 1e-3,
  validationFraction: 0.2,
  patience: 10,
  trainStride: 1,
  predictBatchSize: 2048,
  seed: 0,
};

export function rulOptions(given: Partial<RulRegressorOptions> | undefined): RulRegressorOptions {
  const o = withDefaults("RulRegressor options", RUL_DEFAULTS, given);
  for (const key of [
    "windowLength",
    "hidden",
    "convBlocks",
    "dense",
    "epochs",
    "batchSize",
    "patience",
    "trainStride",
    "predictBatchSize",
  ] as const)
    expectPositiveInteger(key, o[key]);
  expectNumber("rulCap", o.rulCap, Number.MIN_VALUE, Number.MAX_VALUE);
  expectNumber("learningRate", o.learningRate, Number.MIN_VALUE, 1);
  expectNumber("validationFraction", o.validationFraction, 0, 0.9);
  expectNumber("seed", o.seed);
  expectOneOf("padding", o.padding, RUL_PADDINGS);
  if (o.channels !== null) {
    if (
      !Array.isArray(o.channels) ||
      o.channels.length === 0 ||
      o.channels.some((c) => typeof c !== "string")
    )
      fail("channels", "null or a non-empty array of channel names", o.channels);
    if (new Set(o.channels).size !== o.channels.length)
      fail("channels", "distinct channel names", o.channels);
  }
  return o;
}
