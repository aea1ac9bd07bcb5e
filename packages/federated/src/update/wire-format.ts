import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { crc32 } from "./crc32.ts";
import type { FederatedMessage } from "./message.ts";
import { elementCount, formatShape } from "./model-update.ts";
import type { EncodedTensor, TensorPayload } from "./tensor-encoding.ts";

/**
 * Version 1 of the binary wire format, little-endian throughout:
 *
 *   magic "VGFL" · version u16 · kind u8 (0 global, 1 update) · reserved u8 (0) · round u32 ·
 *   sampleCount f64 · loss f64 · sender (u16 length + UTF-8) · tensor count u32 ·
 *   per tensor: name (u16 length + UTF-8) · payload kind u8 · rank u8 · dims u32 × rank · payload ·
 *   CRC-32 u32 of every byte before it.
 *
 * Payloads: float32 (4 bytes × n), float64 (8 × n), quantised8 (min f32 · step f32 · n codes u8),
 * sparse (k u32 · k strictly increasing indices u32 · k values f32).
 */
export const WIRE_VERSION = 1;
const MAGIC = [0x56, 0x47, 0x46, 0x4c]; // "VGFL"
const KINDS = ["global", "update"] as const;
const PAYLOADS = ["float32", "float64", "quantised8", "sparse"] as const;
const MAX_RANK = 8;
/** Larger tensors are refused before anything is allocated for them. */
const MAX_ELEMENTS = 2 ** 28;

const utf8 = new TextEncoder();

function payloadBytes(p: TensorPayload): number {
  switch (p.kind) {
    case "float32":
      return 4 * p.data.length;
    case "float64":
      return 8 * p.data.length;
    case "quantised8":
      return 8 + p.codes.length;
    case "sparse":
      return 4 + 8 * p.indices.length;
  }
}

/** Elements a payload carries, to check against its shape before encoding. */
function payloadLength(p: TensorPayload): number | undefined {
  switch (p.kind) {
    case "float32":
    case "float64":
      return p.data.length;
    case "quantised8":
      return p.codes.length;
    case "sparse":
      return undefined;
  }
}

function checkTensor(t: EncodedTensor): void {
  const n = elementCount(t.shape);
  if (t.shape.length > MAX_RANK || t.shape.some((d) => !Number.isInteger(d) || d < 1) || n > MAX_ELEMENTS) {
    throw new VigilArgumentError(
      `Expected a shape of at most ${MAX_RANK} positive dimensions for tensor "${t.name}" but received ${formatShape(t.shape)}`,
    );
  }
  const length = payloadLength(t.payload);
  if (length !== undefined && length !== n) {
    throw new VigilArgumentError(
      `Expected ${n} values for tensor "${t.name}" of shape ${formatShape(t.shape)} but received ${length}`,
    );
  }
  if (t.payload.kind === "sparse" && t.payload.indices.length !== t.payload.values.length) {
    throw new VigilArgumentError(
      `Expected as many sparse values as indices for tensor "${t.name}" but received ${t.payload.values.length} and ${t.payload.indices.length}`,
    );
  }
}

/** The message as bytes; `encodedSize(message)` equals the result's byteLength. */
export function encodeMessage(message: FederatedMessage): Uint8Array {
  if (!Number.isInteger(message.round) || message.round < 0 || message.round > 0xffffffff) {
    throw new VigilArgumentError(`Expected a round in [0, 2^32) but received ${message.round}`);
  }
  const sender = utf8.encode(message.sender);
  const names = message.tensors.map((t) => utf8.encode(t.name));
  if (sender.length > 0xffff || names.some((n) => n.length > 0xffff)) {
    throw new VigilArgumentError("Expected sender and tensor names of at most 65535 UTF-8 bytes");
  }
  for (const t of message.tensors) checkTensor(t);
  const size = encodedSize(message);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let o = 0;
  bytes.set(MAGIC, o);
  o += 4;
  view.setUint16(o, WIRE_VERSION, true);
  view.setUint8(o + 2, KINDS.indexOf(message.kind));
  view.setUint8(o + 3, 0);
  view.setUint32(o + 4, message.round, true);
  view.setFloat64(o + 8, message.sampleCount, true);
  view.setFloat64(o + 16, message.loss, true);
  o += 24;
  view.setUint16(o, sender.length, true);
  bytes.set(sender, o + 2);
  o += 2 + sender.length;
  view.setUint32(o, message.tensors.length, true);
  o += 4;
  message.tensors.forEach((t, i) => {
    const name = names[i]!;
    view.setUint16(o, name.length, true);
    bytes.set(name, o + 2);
    o += 2 + name.length;
    view.setUint8(o, PAYLOADS.indexOf(t.payload.kind));
    view.setUint8(o + 1, t.shape.length);
    o += 2;
    for (const d of t.shape) {
      view.setUint32(o, d, true);
      o += 4;
    }
    o = writePayload(view, bytes, o, t.payload);
  });
  view.setUint32(o, crc32(bytes.subarray(0, o)), true);
  return bytes;
}

function writePayload(view: DataView, bytes: Uint8Array, o: number, p: TensorPayload): number {
  switch (p.kind) {
    case "float32":
      for (let i = 0; i < p.data.length; i++) view.setFloat32(o + 4 * i, p.data[i]!, true);
      return o + 4 * p.data.length;
    case "float64":
      for (let i = 0; i < p.data.length; i++) view.setFloat64(o + 8 * i, p.data[i]!, true);
      return o + 8 * p.data.length;
    case "quantised8":
      view.setFloat32(o, p.min, true);
      view.setFloat32(o + 4, p.step, true);
      bytes.set(p.codes, o + 8);
      return o + 8 + p.codes.length;
    case "sparse": {
      const k = p.indices.length;
      view.setUint32(o, k, true);
      for (let j = 0; j < k; j++) {
        view.setUint32(o + 4 + 4 * j, p.indices[j]!, true);
        view.setFloat32(o + 4 + 4 * (k + j), p.values[j]!, true);
      }
      return o + 4 + 8 * k;
    }
  }
}

/** Bytes the message takes on the wire. */
export function encodedSize(message: FederatedMessage): number {
  let size = 4 + 24 + 2 + utf8.encode(message.sender).length + 4 + 4;
  for (const t of message.tensors) {
    size += 2 + utf8.encode(t.name).length + 2 + 4 * t.shape.length + payloadBytes(t.payload);
  }
  return size;
}

export interface DecodeOptions {
  /** Names the message in errors, e.g. "update from site-2". */
  readonly source: string;
  /** The model's tensors: every one must be present with this shape, and no other. */
  readonly expect?: ReadonlyMap<string, readonly number[]>;
}

/** Reads fields in order; every read names its field and offset when the bytes run out. */
class Reader {
  readonly view: DataView;
  offset = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly source: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(message: string, at = this.offset): never {
    // A binary message has no lines or columns: the byte offset locates the problem.
    throw new VigilInputError(`${message} (byte offset ${at})`, { source: this.source });
  }

  /** Reserves `size` bytes for `field` and returns their offset. */
  take(field: string, size: number): number {
    const remaining = this.bytes.length - this.offset;
    if (size > remaining) {
      this.fail(`truncated message: ${field} needs ${size} bytes but only ${remaining} remain`);
    }
    const at = this.offset;
    this.offset += size;
    return at;
  }

  u8(field: string): number {
    return this.view.getUint8(this.take(field, 1));
  }
  u16(field: string): number {
    return this.view.getUint16(this.take(field, 2), true);
  }
  u32(field: string): number {
    return this.view.getUint32(this.take(field, 4), true);
  }
  f32(field: string): number {
    return this.view.getFloat32(this.take(field, 4), true);
  }
  f64(field: string): number {
    return this.view.getFloat64(this.take(field, 8), true);
  }
  text(field: string): string {
    const length = this.u16(`${field} length`);
    const at = this.take(field, length);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(at, at + length));
    } catch {
      return this.fail(`${field} is not valid UTF-8`, at);
    }
  }
}

/**
 * Parses and validates a message. A wrong magic or version, a truncated or overlong message, a bad
 * checksum, an invalid field, a shape that disagrees with `expect` or a payload that disagrees with
 * its shape throws a VigilInputError naming the field and byte offset.
 */
export function decodeMessage(bytes: Uint8Array, options: DecodeOptions): FederatedMessage {
  const r: Reader = new Reader(bytes, options.source);
  const magic = r.take("magic", 4);
  if (MAGIC.some((b, i) => bytes[magic + i] !== b))
    r.fail('not a Vigil federated message (magic is not "VGFL")', 0);
  const versionAt = r.offset;
  const version = r.u16("version");
  if (version !== WIRE_VERSION)
    r.fail(`unsupported version ${version} (this reader knows ${WIRE_VERSION})`, versionAt);
  const kindAt = r.offset;
  const kind = KINDS[r.u8("kind")];
  if (kind === undefined) r.fail("kind must be 0 (global) or 1 (update)", kindAt);
  if (r.u8("reserved") !== 0) r.fail("reserved byte must be 0", kindAt + 1);
  const round = r.u32("round");
  const countAt = r.offset;
  const sampleCount = r.f64("sampleCount");
  if (!Number.isInteger(sampleCount) || sampleCount < 0) {
    r.fail(`sampleCount must be a non-negative integer but is ${sampleCount}`, countAt);
  }
  const loss = r.f64("loss");
  const sender = r.text("sender");
  const tensorCount = r.u32("tensor count");
  const tensors: EncodedTensor[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const nameAt = r.offset;
    const name = r.text(`tensor ${i} name`);
    if (name.length === 0 || seen.has(name))
      r.fail(`tensor ${i} name "${name}" is empty or repeated`, nameAt);
    seen.add(name);
    tensors.push(readTensor(r, name, options.expect));
  }
  const crcAt = r.offset;
  const crc = r.u32("checksum");
  if (r.offset !== bytes.length) r.fail(`${bytes.length - r.offset} unexpected bytes after the checksum`);
  if (crc !== crc32(bytes.subarray(0, crcAt))) r.fail("checksum mismatch: the message is corrupted", crcAt);
  if (options.expect !== undefined) {
    const missing = [...options.expect.keys()].filter((name) => !seen.has(name));
    if (missing.length > 0) r.fail(`missing tensor(s) ${missing.map((n) => `"${n}"`).join(", ")}`);
  }
  return { kind, sender, round, sampleCount, loss, tensors };
}

function readTensor(
  r: Reader,
  name: string,
  expect: ReadonlyMap<string, readonly number[]> | undefined,
): EncodedTensor {
  const kindAt = r.offset;
  const kind = PAYLOADS[r.u8(`tensor "${name}" payload kind`)];
  if (kind === undefined) r.fail(`tensor "${name}" has an unknown payload kind`, kindAt);
  const rankAt = r.offset;
  const rank = r.u8(`tensor "${name}" rank`);
  if (rank > MAX_RANK) r.fail(`tensor "${name}" has rank ${rank}, more than ${MAX_RANK}`, rankAt);
  const shape: number[] = [];
  for (let k = 0; k < rank; k++) shape.push(r.u32(`tensor "${name}" dimension ${k}`));
  const n = elementCount(shape);
  if (shape.some((d) => d === 0) || n > MAX_ELEMENTS) {
    r.fail(
      `tensor "${name}" has shape ${formatShape(shape)}: empty or over ${MAX_ELEMENTS} elements`,
      rankAt,
    );
  }
  if (expect !== undefined) {
    const wanted = expect.get(name);
    if (wanted === undefined) r.fail(`tensor "${name}" is not part of the model`, rankAt);
    if (wanted.length !== shape.length || wanted.some((d, k) => d !== shape[k])) {
      r.fail(
        `tensor "${name}" has shape ${formatShape(shape)} but the model's is ${formatShape(wanted)}`,
        rankAt,
      );
    }
  }
  const field = `tensor "${name}" ${kind} payload`;
  switch (kind) {
    case "float32": {
      const at = r.take(field, 4 * n);
      const data = new Float32Array(n);
      for (let i = 0; i < n; i++) data[i] = r.view.getFloat32(at + 4 * i, true);
      return { name, shape, payload: { kind, data } };
    }
    case "float64": {
      const at = r.take(field, 8 * n);
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) data[i] = r.view.getFloat64(at + 8 * i, true);
      return { name, shape, payload: { kind, data } };
    }
    case "quantised8": {
      const minAt = r.offset;
      const min = r.f32(`tensor "${name}" min`);
      const step = r.f32(`tensor "${name}" step`);
      if (!Number.isFinite(min) || !Number.isFinite(step) || step < 0) {
        r.fail(`tensor "${name}" has an invalid grid (min ${min}, step ${step})`, minAt);
      }
      const at = r.take(field, n);
      return { name, shape, payload: { kind, min, step, codes: r.bytes.slice(at, at + n) } };
    }
    case "sparse": {
      const kAt = r.offset;
      const k = r.u32(`tensor "${name}" kept count`);
      if (k > n) r.fail(`tensor "${name}" keeps ${k} of only ${n} elements`, kAt);
      const at = r.take(field, 8 * k);
      const indices = new Uint32Array(k);
      const values = new Float32Array(k);
      for (let j = 0; j < k; j++) {
        const index = r.view.getUint32(at + 4 * j, true);
        if (index >= n || (j > 0 && index <= indices[j - 1]!)) {
          r.fail(
            `tensor "${name}" sparse index ${j} is ${index}: out of range or not increasing`,
            at + 4 * j,
          );
        }
        indices[j] = index;
        values[j] = r.view.getFloat32(at + 4 * k + 4 * j, true);
      }
      return { name, shape, payload: { kind, indices, values } };
    }
  }
}
