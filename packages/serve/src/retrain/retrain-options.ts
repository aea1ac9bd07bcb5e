import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { DriftOptions } from "../drift/index.ts";

/**
 * When and how a drifting asset's model is replaced. A drift alarm starts the policy; once
 * `minNormalRows` rows have been scored since the alarm with no event open among them, a new model of
 * the active model's kind and configuration is trained in the background on exactly those rows
 * (status shadow), then scored beside the active model for `shadowSteps` steps, and promoted only if
 * its alarm rate there is no worse than the active model's (plus `rateSlack`) and it flags at most
 * `disagreementTolerance` of the steps the active model scores as normal.
 */
export interface RetrainOptions {
  minNormalRows: number;
  /** Upper bound on the rows trained on (the most recent). */
  maxTrainRows: number;
  shadowSteps: number;
  rateSlack: number;
  disagreementTolerance: number;
  /** Held-out fraction and drift options of the retrained model's profile. */
  heldOutFraction: number;
  drift: Partial<DriftOptions>;
  /** Detector options overriding the active model's (e.g. fewer epochs for quick retrains). */
  config: Record<string, unknown>;
}

export const RETRAIN_DEFAULTS: RetrainOptions = {
  minNormalRows: 3_000,
  maxTrainRows: 50_000,
  shadowSteps: 2_000,
  rateSlack: 0.002,
  disagreementTolerance: 0.01,
  heldOutFraction: 0.25,
  drift: {},
  config: {},
};

export function retrainOptions(given: Partial<RetrainOptions> | undefined): RetrainOptions {
  const o = withDefaults("retrain options", RETRAIN_DEFAULTS, given);
  expectPositiveInteger("minNormalRows", o.minNormalRows);
  expectPositiveInteger("maxTrainRows", o.maxTrainRows);
  expectPositiveInteger("shadowSteps", o.shadowSteps);
  expectNumber("rateSlack", o.rateSlack, 0, 1);
  expectNumber("disagreementTolerance", o.disagreementTolerance, 0, 1);
  expectNumber("heldOutFraction", o.heldOutFraction, 0.05, 0.9);
  return o;
}
