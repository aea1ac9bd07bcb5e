export { ADDITIVE_BIC_DEFAULTS, type AdditiveBicOptions, additiveBic } from "./additive-bic.ts";
export {
  ADDITIVE_HILL_CLIMB_DEFAULTS,
  ADDITIVE_SEARCHES,
  ADDITIVE_TRANSFORMS,
  type AdditiveCandidate,
  type AdditiveHillClimbOptions,
  type AdditiveHillClimbResult,
  type AdditiveTransform,
  additiveHillClimb,
} from "./additive-hill-climb.ts";
export {
  EXACT_SEARCH_DEFAULTS,
  EXACT_SEARCH_MAX_VARIABLES,
  type ExactSearchOptions,
  type ExactSearchResult,
  exactSearch,
} from "./exact-search.ts";
export { gaussianBic, type LocalScore } from "./gaussian-bic.ts";
export { HILL_CLIMB_DEFAULTS, type HillClimbOptions, type HillClimbResult, hillClimb } from "./hill-climb.ts";
export { autoKnotCandidates } from "./knot-candidates.ts";
export { logJacobian } from "./log-jacobian.ts";
export { pcHillClimb } from "./pc-hill-climb.ts";
export { centredSplineBasis } from "./spline-basis.ts";
