export { type PublishedRulRow, parseCmapssLeaderboard } from "./cmapss-leaderboard.ts";
export { LinearRulBaseline, meanCappedRul } from "./rul-baselines.ts";
export {
  benchRul,
  formatRulTable,
  RUL_BENCH_METHODS,
  type RulBenchMethod,
  type RulBenchResult,
  rulBenchJson,
} from "./rul-benchmark.ts";
export { type RulChartLine, rulChartSvg } from "./rul-chart.ts";
export { RulNetwork } from "./rul-network.ts";
export {
  DEFAULT_RUL_CAP,
  RUL_DEFAULTS,
  RUL_PADDINGS,
  type RulRegressorOptions,
  rulOptions,
} from "./rul-options.ts";
export { type RulFitProgress, type RulFitReport, RulRegressor } from "./rul-regressor.ts";
export { type RulUnit, splitUnits } from "./rul-units.ts";
