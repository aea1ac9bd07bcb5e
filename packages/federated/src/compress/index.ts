export {
  COMPRESSION_DEFAULTS,
  COMPRESSION_METHODS,
  type CompressionMethod,
  type CompressionOptions,
  DeltaCompressor,
} from "./compress-tensors.ts";
export { float32AtLeast, float32AtMost } from "./float32-bounds.ts";
export { quantise8 } from "./stochastic-quantise.ts";
export { ErrorFeedback, topK } from "./top-k.ts";
