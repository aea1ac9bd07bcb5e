export {
  ScoreCalibrator,
  type ScoreCalibratorOptions,
  type ScoreCalibratorState,
} from "./score-calibrator.ts";
