export { crc32 } from "./crc32.ts";
export { addScaledInto, clipToNorm, l2Norm, scaleTensors, subtractTensors } from "./delta.ts";
export { type FederatedMessage, globalMessage, messageTensors, messageToUpdate } from "./message.ts";
export {
  elementCount,
  type FloatArray,
  formatShape,
  type ModelUpdate,
  type NamedTensor,
} from "./model-update.ts";
export { denseTensor, type EncodedTensor, payloadValues, type TensorPayload } from "./tensor-encoding.ts";
export {
  type DecodeOptions,
  decodeMessage,
  encodedSize,
  encodeMessage,
  WIRE_VERSION,
} from "./wire-format.ts";
