import { VigilError, VigilInputError } from "../errors/vigil-error.ts";
import {
  bytesPerElement,
  DTYPES,
  elementCount,
  HOST_IS_LITTLE_ENDIAN,
  isSafetensorsDtype,
  type SafetensorsDtype,
  type SafetensorsTensor,
} from "./dtype.ts";
import { METADATA_KEY } from "./encode.ts";

export interface SafetensorsFile {
  /** A null-prototype record, so a tensor named "__proto__" is just a name. */
  readonly tensors: Readonly<Record<string, SafetensorsTensor>>;
  readonly metadata: Readonly<Record<string, string>>;
}

/** The reference implementation's cap: a larger header is treated as an attack, not a model. */
const MAX_HEADER_BYTES = 100_000_000;

interface Placed {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function parseHeader(
  bytes: Uint8Array,
  source: string,
): { header: Record<string, unknown>; dataStart: number } {
  const fail = (message: string, cause?: unknown): never => {
    throw new VigilInputError(message, { source }, cause === undefined ? undefined : { cause });
  };
  if (bytes.length < 8)
    fail(`file has ${bytes.length} bytes; a safetensors file starts with an 8-byte header length`);
  const length = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES))
    fail(`header length ${length} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  const dataStart = 8 + Number(length);
  if (dataStart > bytes.length) {
    fail(`header length ${length} runs past the end of the ${bytes.length}-byte file (truncated?)`);
  }
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, dataStart));
  } catch (error) {
    fail("header is not valid UTF-8", error);
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (error) {
    fail(`header is not valid JSON: ${(error as Error).message}`, error);
  }
  if (!isRecord(header)) fail("header must be a JSON object");
  return { header: header as Record<string, unknown>, dataStart };
}

function parseMetadata(value: unknown, source: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (value === undefined) return out;
  if (!isRecord(value)) throw new VigilInputError(`"${METADATA_KEY}" must be an object`, { source });
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string") {
      throw new VigilInputError(`"${METADATA_KEY}"."${key}" must be a string`, { source, column: key });
    }
    out[key] = v;
  }
  return out;
}

function parseEntry(name: string, value: unknown, source: string): Placed {
  const fail = (message: string): never => {
    throw new VigilInputError(`tensor "${name}": ${message}`, { source, column: name });
  };
  if (!isRecord(value)) fail("entry must be an object with dtype, shape and data_offsets");
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (!isSafetensorsDtype(dtype)) fail(`unknown dtype ${JSON.stringify(dtype)}`);
  if (!Array.isArray(shape) || !shape.every(isIndex)) fail("shape must be an array of non-negative integers");
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every(isIndex) ||
    offsets[0]! > offsets[1]!
  ) {
    fail(`data_offsets must be [begin, end] with 0 <= begin <= end, got ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  const bytes = elementCount(shape as number[]) * bytesPerElement(dtype as SafetensorsDtype);
  if (!Number.isSafeInteger(bytes) || bytes !== end - begin) {
    fail(
      `shape [${(shape as number[]).join(", ")}] of ${dtype} needs ${bytes} bytes but data_offsets span ${end - begin}`,
    );
  }
  return { name, dtype: dtype as SafetensorsDtype, shape: shape as number[], begin, end };
}

/** A view on the file's bytes when aligned for the element type, else an aligned copy. */
function tensorData(bytes: Uint8Array, at: number, placed: Placed): SafetensorsTensor["data"] {
  const array = DTYPES[placed.dtype].array;
  const count = (placed.end - placed.begin) / array.BYTES_PER_ELEMENT;
  const offset = bytes.byteOffset + at;
  if (offset % array.BYTES_PER_ELEMENT === 0) return new array(bytes.buffer, offset, count);
  const copy = bytes.slice(at, at + placed.end - placed.begin);
  return new array(copy.buffer, 0, count);
}

/**
 * Parses a safetensors file. Tensors may appear in any order in the header but must tile the data
 * section exactly (no gaps, no overlaps, nothing past it), as the reference reader requires. Any
 * violation is a VigilInputError naming `source` and, where one is at fault, the tensor.
 */
export function decodeSafetensors(bytes: Uint8Array, source: string): SafetensorsFile {
  if (!HOST_IS_LITTLE_ENDIAN) {
    throw new VigilError("VIGIL_ERR_UNSUPPORTED", "safetensors decoding needs a little-endian host");
  }
  const { header, dataStart } = parseHeader(bytes, source);
  const dataLength = bytes.length - dataStart;
  const placed = Object.entries(header)
    .filter(([name]) => name !== METADATA_KEY)
    .map(([name, value]) => parseEntry(name, value, source))
    .sort((a, b) => a.begin - b.begin || a.end - b.end);

  let expected = 0;
  for (const p of placed) {
    const where = { source, column: p.name };
    if (p.end > dataLength) {
      throw new VigilInputError(
        `tensor "${p.name}": data_offsets [${p.begin}, ${p.end}] run past the ${dataLength}-byte data section (truncated?)`,
        where,
      );
    }
    if (p.begin !== expected) {
      const problem =
        p.begin < expected ? "overlaps the previous tensor" : `leaves a gap after byte ${expected}`;
      throw new VigilInputError(`tensor "${p.name}": data_offsets [${p.begin}, ${p.end}] ${problem}`, where);
    }
    expected = p.end;
  }
  if (expected !== dataLength) {
    throw new VigilInputError(
      `the header describes ${expected} data bytes but the file holds ${dataLength} after the header`,
      { source },
    );
  }

  const tensors: Record<string, SafetensorsTensor> = Object.create(null);
  for (const p of placed) {
    const data = tensorData(bytes, dataStart + p.begin, p);
    if (p.dtype === "BOOL" && (data as Uint8Array).some((v) => v > 1)) {
      throw new VigilInputError(`tensor "${p.name}": BOOL data holds a byte other than 0 or 1`, {
        source,
        column: p.name,
      });
    }
    tensors[p.name] = { dtype: p.dtype, shape: p.shape, data } as SafetensorsTensor;
  }
  return { tensors, metadata: parseMetadata(header[METADATA_KEY], source) };
}
