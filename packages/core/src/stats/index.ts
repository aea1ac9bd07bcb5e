export { correlationMatrix, covarianceMatrix } from "./covariance.ts";
export { max, min } from "./extent.ts";
export { presentValues } from "./finite.ts";
export { type KMeansOptions, type KMeansResult, kMeans, nearestCentroid, squaredDistance } from "./kmeans.ts";
export { logGamma } from "./log-gamma.ts";
export { MAD_SCALE, type MadOptions, mad, medianAndMad } from "./mad.ts";
export { mean, std, type VarianceOptions, variance } from "./moments.ts";
export { normalCdf, normalPdf, normalQuantile, twoSidedNormalP } from "./normal.ts";
export { quantile, quantileSorted, quantiles } from "./quantile.ts";
export {
  type RollingMadOptions,
  type RollingOrderOptions,
  rollingMad,
  rollingMedian,
} from "./rolling-median.ts";
export { kthSmallest, median, medianInPlace } from "./select.ts";
export { meanSilhouette } from "./silhouette.ts";
export { SortedWindow } from "./sorted-window.ts";
