export {
  createDetector,
  DETECTOR_KINDS,
  type DetectorConfig,
  detectorKind,
} from "./create-detector.ts";
export { loadTrainingConfig, type TrainingPlan } from "./training-config.ts";
