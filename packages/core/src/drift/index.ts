export { Adwin, type AdwinOptions, type AdwinState } from "./adwin.ts";
export {
  bootstrapSampler,
  calibrateThresholdForERT,
  type ErtCalibration,
  type ErtCalibrationOptions,
} from "./ert.ts";
export { type KsResult, kolmogorovSurvival, ksTwoSample } from "./ks.ts";
export { type KsDriftOptions, type KsDriftResult, ksDrift } from "./ks-drift.ts";
export { type MmdOptions, type MmdResult, mmdTest } from "./mmd.ts";
export type { OnlineDriftDetector, OnlineDriftStep } from "./online-detector.ts";
export { PageHinkley, type PageHinkleyOptions, type PageHinkleyState } from "./page-hinkley.ts";
export { type PsiOptions, type PsiResult, psi, psiByChannel } from "./psi.ts";
