export {
  calibrationSchema,
  MODEL_STATUSES,
  type ModelCalibration,
  type ModelCard,
  type ModelStatus,
  modelCardSchema,
} from "./card.ts";
export { fingerprintSeries } from "./fingerprint.ts";
export {
  type ModelEntry,
  ModelRegistry,
  type ModelRegistryOptions,
  type SaveModelInput,
} from "./registry.ts";
