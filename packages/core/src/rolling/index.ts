export {
  type ChangeOnlySignal,
  type RollingWindowOptions,
  reportsInSeconds,
  rollingInputs,
} from "./change-only.ts";
export { type TimeWeightedMeanOptions, timeWeightedRollingMean } from "./time-weighted-mean.ts";
export {
  type TimeWeightedQuantileOptions,
  timeWeightedRollingMedian,
  timeWeightedRollingQuantile,
} from "./time-weighted-quantile.ts";
