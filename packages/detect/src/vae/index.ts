export { VAE_RESTORERS } from "./restore.ts";
export { type FittedVae, VaeDetector } from "./vae-detector.ts";
export { VAE_FAMILY_KINDS, vaeFamilyKind, vaeFamilyPreset } from "./vae-family.ts";
export { VaeModel, type VaeOutput } from "./vae-model.ts";
export {
  VAE_DEFAULTS,
  VAE_ENCODERS,
  VAE_NORMALISERS,
  VAE_RECONSTRUCTION_LOSSES,
  type VaeDetectorOptions,
} from "./vae-options.ts";
export { latentTerms, windowErrors, windowScore, windowTerms } from "./vae-terms.ts";
