export { decodeSafetensors, type SafetensorsFile } from "./decode.ts";
export {
  bytesPerElement,
  type DtypeArrays,
  elementCount,
  isSafetensorsDtype,
  type SafetensorsDtype,
  type SafetensorsTensor,
} from "./dtype.ts";
export { encodeSafetensors, METADATA_KEY } from "./encode.ts";
