export {
  type FractionSplitOptions,
  type SeriesSplit,
  splitByFraction,
  splitByTime,
  type TimeCutSplitOptions,
} from "./time-split.ts";
export { splitByUnit, type UnitSplit, type UnitSplitOptions } from "./unit-split.ts";
