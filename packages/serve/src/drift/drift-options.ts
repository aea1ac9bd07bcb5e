import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";

/**
 * How drift is monitored. Scored steps are grouped into blocks of `blockSteps`; every statistic is
 * evaluated once per block over the last `windowBlocks` blocks, and its alarm threshold is chosen so
 * that on drift-free data (resampled from the model's held-out training blocks) the expected run time
 * between false alarms is `ertSteps` scored steps.
 */
export interface DriftOptions {
  /** Scored steps per block: the unit in which every drift statistic advances. */
  blockSteps: number;
  /** Blocks in the sliding window that latent (MMD) and channel (PSI) drift compare with the reference. */
  windowBlocks: number;
  /** Target expected run time between false alarms on drift-free data, in scored steps. */
  ertSteps: number;
  /** Random Fourier features approximating the Gaussian-kernel MMD. */
  features: number;
  /** Quantile bins of the per-channel population stability index. */
  bins: number;
  /** Page-Hinkley tolerance δ on block-mean calibrated scores, in standard deviations of the reference block means. */
  scoreDelta: number;
  /** Simulated drift-free streams per ERT calibration, and their length as a multiple of the ERT. */
  runs: number;
  horizonFactor: number;
  seed: number;
}

export const DRIFT_DEFAULTS: DriftOptions = {
  blockSteps: 50,
  windowBlocks: 8,
  ertSteps: 100_000,
  features: 64,
  bins: 10,
  scoreDelta: 0.5,
  runs: 100,
  horizonFactor: 4,
  seed: 0,
};

export function driftOptions(given: Partial<DriftOptions> | undefined): DriftOptions {
  const o = withDefaults("drift options", DRIFT_DEFAULTS, given);
  expectPositiveInteger("blockSteps", o.blockSteps);
  expectPositiveInteger("windowBlocks", o.windowBlocks);
  expectNumber("ertSteps", o.ertSteps, o.blockSteps);
  expectPositiveInteger("features", o.features);
  expectInteger("bins", o.bins, 2, 100);
  expectNumber("scoreDelta", o.scoreDelta, 0);
  expectPositiveInteger("runs", o.runs);
  expectNumber("horizonFactor", o.horizonFactor, 2);
  expectInteger("seed", o.seed, 0);
  return o;
}
