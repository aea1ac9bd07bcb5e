export { alarmMask } from "./alarm-mask.ts";
export { BENCHMARK_DETECTORS, benchmarkDetectorNames } from "./benchmark-detectors.ts";
export { markdownTableAfter, type TextTable } from "./markdown-table.ts";
export { benchSkab, type SkabBenchJson, type SkabBenchOptions, skabBenchJson } from "./skab-bench.ts";
export { evaluateSkab, type SkabEvaluation } from "./skab-evaluation.ts";
export { parseSkabLeaderboard, type SkabLeaderboard } from "./skab-leaderboard.ts";
export {
  detectorBudgets,
  type SkabDetectorBudget,
  type SkabRandomBaseline,
  skabRandomBaseline,
} from "./skab-random-baseline.ts";
export { type SkabRow, skabRow } from "./skab-row.ts";
export {
  runSkab,
  SKAB_CHANGEPOINT_RULES,
  SKAB_RUN_DEFAULTS,
  type SkabFileProgress,
  type SkabFileResult,
  type SkabRunOptions,
  type SkabRunResult,
  testRegimeChangepoints,
} from "./skab-runner.ts";
export { formatSkabTables, type SkabReportEntry } from "./skab-table.ts";
export {
  onsetLevel,
  resolveTrainingThreshold,
  TRAINING_THRESHOLD_DEFAULTS,
  TRAINING_THRESHOLD_RULES,
  type TrainingThresholdOptions,
  trainingThreshold,
} from "./training-threshold.ts";
