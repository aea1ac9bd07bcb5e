export {
  AGGREGATION_DEFAULTS,
  AGGREGATION_RULES,
  type Aggregate,
  type AggregationOptions,
  type AggregationRule,
  aggregateUpdates,
} from "./aggregate-updates.ts";
export { coordinateMedian } from "./coordinate-median.ts";
export { reduceCoordinates } from "./coordinates.ts";
export { fedAvg } from "./fedavg.ts";
export { type NormBoundedResult, normBoundedFedAvg } from "./norm-bounded.ts";
export { type RejectedUpdate, type ScreenedUpdates, screenUpdates, updateProblem } from "./screen-updates.ts";
export { trimmedMean } from "./trimmed-mean.ts";
