export { type BestF1Result, bestF1 } from "./best-f1.ts";
export {
  addCounts,
  type ConfusionCounts,
  confusionCounts,
  f1Score,
  type PrecisionRecallF1,
  precisionRecallF1,
} from "./confusion.ts";
export { type EventDetection, meanDelaySteps, timeToDetection } from "./detection-delay.ts";
export { type EventwiseResult, eventwiseScores } from "./event-wise.ts";
export { expectBinaryMask, expectSameLength } from "./inputs.ts";
export { type InterpretationScores, interpretationScores, type RankedInstance } from "./interpretation.ts";
export { type NabOptimisedScore, type NabScoredFile, nabOptimisedScore } from "./nab-optimised.ts";
export {
  NAB_PROFILE_NAMES,
  NAB_PROFILES,
  type NabProfile,
  type NabProfileName,
  type NabProfileScore,
} from "./nab-profiles.ts";
export { nabScaledSigmoid } from "./nab-rows.ts";
export { type NabFile, type NabResult, nabScore } from "./nab-score.ts";
export { NAB_WINDOW_DEFAULTS, type NabWindowOptions, nabProbationLength, nabWindows } from "./nab-windows.ts";
export { type PointAdjustedResult, pointAdjust, pointAdjustedScores } from "./point-adjust.ts";
export { type PointwiseResult, pointwiseScores } from "./point-wise.ts";
export { averagePrecision } from "./pr-auc.ts";
export {
  type RandomBaselineOptions,
  type RandomBaselineResult,
  randomBaseline,
  randomScores,
} from "./random-baseline.ts";
export { type IndexRange, maskRanges } from "./ranges.ts";
export { phmScoreTerm, type RulScores, rulScores } from "./rul-metrics.ts";
export {
  predictedChangepoints,
  type SkabChangepointFile,
  type SkabChangepointOptions,
  type SkabChangepointResult,
  type SkabOutlierResult,
  skabChangepointScore,
  skabOutlierScores,
} from "./skab.ts";
export { type ThresholdSweep, thresholdSweep } from "./sweep.ts";
