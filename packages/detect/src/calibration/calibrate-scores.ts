import { NS_PER_SECOND } from "@vigil/core/time";
import { expectNumber, withDefaults } from "@vigil/core/validate";
import {
  onsetLevel,
  resolveTrainingThreshold,
  type TrainingThresholdOptions,
  trainingThreshold,
} from "../benchmark/training-threshold.ts";
import { scoreRegimePrior } from "../events/score-changepoints.ts";
import type { ModelCalibration } from "../registry/card.ts";

export interface CalibrationOptions {
  /** How the threshold is set from the training scores (default: POT at risk 1e-4). */
  threshold: Partial<TrainingThresholdOptions>;
  /**
   * A crossing within this many seconds of an event's end continues the event. Default 60 s, the value
   * the SKAB benchmark uses, so a score flickering around its threshold makes one event, not many.
   */
  mergeGapSeconds: number;
  /** Events shorter than this never alert. Default 0: every crossing counts. */
  minDurationSeconds: number;
}

export const CALIBRATION_DEFAULTS: CalibrationOptions = {
  threshold: {},
  mergeGapSeconds: 60,
  minDurationSeconds: 0,
};

/** Checks calibration options before any work is done (each error names its key). */
export function resolveCalibrationOptions(
  options: Partial<CalibrationOptions> | undefined,
): CalibrationOptions {
  const o = withDefaults("calibration options", CALIBRATION_DEFAULTS, options);
  resolveTrainingThreshold(o.threshold);
  expectNumber("mergeGapSeconds", o.mergeGapSeconds, 0);
  expectNumber("minDurationSeconds", o.minDurationSeconds, 0);
  return o;
}

/** A model's alarm calibration from its scores on training data only (NaN steps skipped). */
export function calibrateScores(
  trainScores: ArrayLike<number>,
  options?: Partial<CalibrationOptions>,
): ModelCalibration {
  const o = resolveCalibrationOptions(options);
  const rule = resolveTrainingThreshold(o.threshold);
  return {
    threshold: trainingThreshold(trainScores, rule),
    onsetLevel: onsetLevel(trainScores, rule),
    rule: rule.rule === "pot" ? `pot(risk=${rule.risk})` : `${rule.factor}x p${rule.percentile}`,
    mergeGapSeconds: o.mergeGapSeconds,
    minDurationSeconds: o.minDurationSeconds,
    regimes: scoreRegimePrior(trainScores),
  };
}

/** The alert rules of a calibration, in the form `detectAlerts` takes. */
export function calibrationAlertRules(c: ModelCalibration): {
  on: number;
  mergeGapNs: bigint;
  minDurationNs: bigint;
} {
  const ns = (seconds: number) => BigInt(Math.round(seconds * Number(NS_PER_SECOND)));
  return { on: c.threshold, mergeGapNs: ns(c.mergeGapSeconds), minDurationNs: ns(c.minDurationSeconds) };
}
