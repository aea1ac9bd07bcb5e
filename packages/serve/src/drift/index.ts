export { BlockWindow, type BlockWindowState } from "./block-window.ts";
export { ChannelDrift } from "./channel-drift.ts";
export { BlockBuilder, ChannelBins, type DriftBlock } from "./drift-block.ts";
export { DriftMonitor, type DriftMonitorState, type DriftSignals } from "./drift-monitor.ts";
export { DRIFT_DEFAULTS, type DriftOptions, driftOptions } from "./drift-options.ts";
export {
  buildDriftReference,
  type CalibratedThreshold,
  type DriftReferenceInput,
  type DriftReferenceState,
  referenceBlockCount,
} from "./drift-reference.ts";
export { LatentDrift } from "./latent-drift.ts";
export { RandomFeatures, type RandomFeaturesState } from "./random-features.ts";
export { buildDriftReferenceOffThread } from "./reference-off-thread.ts";
export { ScoreDrift } from "./score-drift.ts";
