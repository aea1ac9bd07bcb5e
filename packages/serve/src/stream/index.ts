export { type AssetSnapshot, assetKey } from "./asset-runtime.ts";
export { buildExplanation } from "./explanation.ts";
export { loadModelRuntime, type ModelRuntime } from "./model-runtime.ts";
export type { AttributionSummary } from "./protocol.ts";
export { type ClosedRows, RowAligner, type RowAlignerState } from "./row-aligner.ts";
export { RowRing, type RowRingState } from "./row-ring.ts";
export { readSnapshot, type ScorerSnapshot, snapshotPath } from "./scorer-snapshot.ts";
export {
  STREAM_ALERT_DEFAULTS,
  STREAM_SCORER_DEFAULTS,
  type StreamAlertOptions,
  type StreamScorerOptions,
} from "./stream-options.ts";
export { createStreamScorer, thresholdStream } from "./stream-scorer.ts";
export type * from "./types.ts";
