export { AssetThresholds, type AssetThresholdsState } from "./asset-thresholds.ts";
export { Dspot, type DspotOptions, type DspotState } from "./dspot.ts";
export { quantileOfSorted, sortedFinite } from "./empirical-quantile.ts";
export { fitGpd, type GpdFit, gpdLogLikelihood } from "./gpd.ts";
export { type PercentileThresholdOptions, percentileThreshold } from "./percentile.ts";
export { POT_DEFAULTS, type PotOptions, type PotResult, potQuantile, potThreshold } from "./pot.ts";
export { Spot, type SpotState, type SpotStep } from "./spot.ts";
