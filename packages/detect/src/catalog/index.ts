export {
  createDetector,
  DETECTOR_KINDS,
  type DetectorConfig,
  detectorKind,
} from "./create-detector.ts";
export {
  checkTrainingConfig,
  loadTrainingConfig,
  readTrainingConfig,
  type TrainingConfig,
  type TrainingPlan,
} from "./training-config.ts";
