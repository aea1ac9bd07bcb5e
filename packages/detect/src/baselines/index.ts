export {
  ISOLATION_FOREST_DEFAULTS,
  IsolationForest,
  type IsolationForestOptions,
} from "./isolation-forest.ts";
export { PCA_DEFAULTS, PcaDetector, type PcaDetectorOptions } from "./pca.ts";
export { BASELINE_RESTORERS, type DetectorRestorer } from "./restore.ts";
export { ROLLING_ROBUST_Z_DEFAULTS, RollingRobustZ, type RollingRobustZOptions } from "./rolling-robust-z.ts";
export type { DetectorState, StateTensor } from "./state.ts";
