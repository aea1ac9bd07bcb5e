export {
  attributeEvent,
  type ChannelAttribution,
  type EventAttribution,
  type EventAttributionOptions,
} from "./event-attribution.ts";
export { gradientTimesInput } from "./gradient-times-input.ts";
export { type BatchScore, inputGradient } from "./input-gradient.ts";
export { type IntegratedGradients, integratedGradients } from "./integrated-gradients.ts";
export { type LatentSensitivity, latentSensitivity } from "./latent-sensitivity.ts";
export { onsetStep } from "./onset.ts";
