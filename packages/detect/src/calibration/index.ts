export {
  CALIBRATION_DEFAULTS,
  type CalibrationOptions,
  calibrateScores,
  calibrationAlertRules,
  resolveCalibrationOptions,
} from "./calibrate-scores.ts";
