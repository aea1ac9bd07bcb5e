import { VigilArgumentError, VigilError } from "../errors/vigil-error.ts";
import {
  bytesPerElement,
  DTYPES,
  elementCount,
  HOST_IS_LITTLE_ENDIAN,
  isSafetensorsDtype,
  type SafetensorsTensor,
} from "./dtype.ts";

/** The reserved header key for free-form string metadata. */
export const METADATA_KEY = "__metadata__";

/** Compares by Unicode code point, which is UTF-8 byte order: the order of Rust's `String`. */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function checkTensor(name: string, tensor: SafetensorsTensor): void {
  if (name === METADATA_KEY)
    throw new VigilArgumentError(`"${METADATA_KEY}" is reserved and cannot name a tensor`);
  if (!isSafetensorsDtype(tensor.dtype)) {
    throw new VigilArgumentError(`Tensor "${name}": unknown dtype ${JSON.stringify(tensor.dtype)}`);
  }
  const expected = DTYPES[tensor.dtype].array;
  if (!(tensor.data instanceof expected)) {
    throw new VigilArgumentError(
      `Tensor "${name}": dtype ${tensor.dtype} needs a ${expected.name} but received ${tensor.data?.constructor?.name}`,
    );
  }
  if (!Array.isArray(tensor.shape) || !tensor.shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new VigilArgumentError(`Tensor "${name}": shape must be an array of non-negative integers`);
  }
  const count = elementCount(tensor.shape);
  if (count !== tensor.data.length) {
    throw new VigilArgumentError(
      `Tensor "${name}": shape [${tensor.shape.join(", ")}] has ${count} elements but data has ${tensor.data.length}`,
    );
  }
}

function metadataJson(metadata: Readonly<Record<string, string>>): string {
  const keys = Object.keys(metadata).sort(compareCodePoints);
  for (const key of keys) {
    if (typeof metadata[key] !== "string") {
      throw new VigilArgumentError(`Metadata "${key}" must be a string but is ${typeof metadata[key]}`);
    }
  }
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(metadata[k])}`).join(",")}}`;
}

/**
 * Serialises tensors to the safetensors format, byte-identical to the reference Rust crate (and so to
 * Python's `safetensors`): tensors are laid out by dtype rank descending, then by name; the header is
 * compact JSON with `__metadata__` first, padded with spaces to a multiple of 8 bytes
 * so every tensor of 8 bytes or less per element starts aligned. Metadata keys are sorted; the reference
 * keeps them in a hash map, so its files agree with ours byte for byte only with at most one key.
 */
export function encodeSafetensors(
  tensors: Readonly<Record<string, SafetensorsTensor>>,
  metadata?: Readonly<Record<string, string>>,
): Uint8Array {
  if (!HOST_IS_LITTLE_ENDIAN) {
    throw new VigilError("VIGIL_ERR_UNSUPPORTED", "safetensors encoding needs a little-endian host");
  }
  const entries = Object.entries(tensors);
  for (const [name, tensor] of entries) checkTensor(name, tensor);
  entries.sort(
    ([an, a], [bn, b]) => DTYPES[b.dtype].rank - DTYPES[a.dtype].rank || compareCodePoints(an, bn),
  );

  const parts: string[] = metadata === undefined ? [] : [`"${METADATA_KEY}":${metadataJson(metadata)}`];
  let offset = 0;
  for (const [name, tensor] of entries) {
    const end = offset + tensor.data.length * bytesPerElement(tensor.dtype);
    // Built by hand, not with JSON.stringify on one object, which would move integer-like names first.
    const info = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, end] };
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(info)}`);
    offset = end;
  }
  const json = new TextEncoder().encode(`{${parts.join(",")}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;

  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let at = 8 + headerLength;
  for (const [, tensor] of entries) {
    out.set(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength), at);
    at += tensor.data.byteLength;
  }
  return out;
}
