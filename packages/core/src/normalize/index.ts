export {
  type AffineNormalizer,
  applyNormalizer,
  type FitNormalizerOptions,
  fitNormalizer,
  invertNormalizer,
  sensorChannelNames,
} from "./affine.ts";
export {
  type ChannelScaling,
  channelScaling,
  NORMALIZER_KINDS,
  type NormalizerKind,
} from "./channel-scaling.ts";
export { type Normalizer, normalizerFromJson, normalizerToJson } from "./normalizer-json.ts";
export {
  applyRegimeNormalizer,
  assignRegimes,
  type FitRegimeNormalizerOptions,
  fitRegimeNormalizer,
  type RegimeNormalizer,
} from "./regime.ts";
