export { type BetaBernoulliOptions, betaBernoulliModel } from "./beta-bernoulli.ts";
export { type BocpdOptions, type BocpdResult, bocpd } from "./bocpd.ts";
export { changepointsFromStartProbability } from "./changepoints.ts";
export type { ConjugateModel } from "./conjugate-model.ts";
export { type NormalGammaOptions, normalGammaModel } from "./normal-gamma.ts";
