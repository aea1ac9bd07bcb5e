export { RETRAIN_DEFAULTS, type RetrainOptions, retrainOptions } from "./retrain-options.ts";
export { Retrainer, type RetrainerContext, type RetrainState } from "./retrainer.ts";
export { ShadowEvaluation, type ShadowEvaluationState, type ShadowVerdict } from "./shadow-evaluation.ts";
