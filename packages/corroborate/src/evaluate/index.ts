export {
  type BackgroundOptions,
  backgroundFalsePositiveRate,
  backgroundMaxima,
  thresholdForFalsePositiveRate,
} from "./background.ts";
export { wilsonInterval } from "./binomial.ts";
export { type Confusion, confusionAt, withRates } from "./confusion.ts";
export { type KnownAnomaly, labelCandidates } from "./ground-truth.ts";
export { type PrPoint, precisionRecallCurve } from "./pr-curve.ts";
