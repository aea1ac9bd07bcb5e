export { readJsonIfPresent, writeJsonAtomically } from "./atomic-json.ts";
export { buildServingProfile, type ProfileInput, scoreContext } from "./build-profile.ts";
export { createDetector, DETECTOR_KINDS } from "./detector-kinds.ts";
export { activateModel, mirrorModels, retireModel } from "./model-records.ts";
export { loadNormalSeries, type NormalDataQuery } from "./normal-data.ts";
export {
  readServingProfile,
  type ServingProfile,
  servingProfilePath,
  writeServingProfile,
} from "./serving-profile.ts";
export {
  TRAIN_MODEL_DEFAULTS,
  type TrainedModel,
  type TrainModelOptions,
  type TrainProgress,
  type TrainStage,
  trainModel,
} from "./train-model.ts";
