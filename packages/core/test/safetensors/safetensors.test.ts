import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { test } from "node:test";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { decodeSafetensors, encodeSafetensors, type SafetensorsTensor } from "@vigil/core/safetensors";

/** Assembles a file by hand: u64 LE header length, the header text, space padding, then raw bytes. */
function assemble(header: string, padding: number, data: readonly number[]): Uint8Array {
  const text = Buffer.from(header + " ".repeat(padding), "latin1");
  const out = Buffer.alloc(8 + text.length + data.length);
  out.writeBigUInt64LE(BigInt(text.length), 0);
  text.copy(out, 8);
  Buffer.from(data).copy(out, 8 + text.length);
  return new Uint8Array(out);
}

function le(write: (b: Buffer) => void, size: number): number[] {
  const b = Buffer.alloc(size);
  write(b);
  return [...b];
}

const f32 = (...xs: number[]) =>
  le((b) => {
    for (const [i, x] of xs.entries()) b.writeFloatLE(x, 4 * i);
  }, 4 * xs.length);

const mixed: Record<string, SafetensorsTensor> = {
  a: { dtype: "F32", shape: [2], data: new Float32Array([1.5, -0.25]) },
  c: { dtype: "U8", shape: [3], data: new Uint8Array([1, 2, 255]) },
  flag: { dtype: "BOOL", shape: [2], data: new Uint8Array([1, 0]) },
  h: { dtype: "F16", shape: [2], data: new Uint16Array([0x3c00, 0xc000]) },
  m: { dtype: "F32", shape: [1, 1], data: new Float32Array([3]) },
  b: { dtype: "I64", shape: [2], data: new BigInt64Array([1n, -2n]) },
  "10": { dtype: "I32", shape: [0], data: new Int32Array(0) },
  z: { dtype: "F64", shape: [], data: new Float64Array([Math.PI]) },
};
const mixedMetadata = { format: "pt", "created by": "vigil" };

// Written out by hand in the reference layout: dtype rank descending (I64 F64 F32 I32 F16 U8 BOOL),
// then name; metadata first with sorted keys; offsets laid end to end.
const mixedHeader =
  '{"__metadata__":{"created by":"vigil","format":"pt"},' +
  '"b":{"dtype":"I64","shape":[2],"data_offsets":[0,16]},' +
  '"z":{"dtype":"F64","shape":[],"data_offsets":[16,24]},' +
  '"a":{"dtype":"F32","shape":[2],"data_offsets":[24,32]},' +
  '"m":{"dtype":"F32","shape":[1,1],"data_offsets":[32,36]},' +
  '"10":{"dtype":"I32","shape":[0],"data_offsets":[36,36]},' +
  '"h":{"dtype":"F16","shape":[2],"data_offsets":[36,40]},' +
  '"c":{"dtype":"U8","shape":[3],"data_offsets":[40,43]},' +
  '"flag":{"dtype":"BOOL","shape":[2],"data_offsets":[43,45]}}';
const mixedData = [
  ...le((b) => {
    b.writeBigInt64LE(1n, 0);
    b.writeBigInt64LE(-2n, 8);
  }, 16),
  ...le((b) => b.writeDoubleLE(Math.PI, 0), 8),
  ...f32(1.5, -0.25),
  ...f32(3),
  ...[0x00, 0x3c, 0x00, 0xc0],
  ...[1, 2, 255],
  ...[1, 0],
];
const mixedFile = assemble(mixedHeader, (8 - (mixedHeader.length % 8)) % 8, mixedData);

function assertSameTensors(
  actual: Record<string, SafetensorsTensor>,
  expected: Record<string, SafetensorsTensor>,
) {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const [name, t] of Object.entries(expected)) {
    const got = actual[name]!;
    assert.equal(got.dtype, t.dtype, name);
    assert.deepEqual([...got.shape], [...t.shape], name);
    assert.deepEqual(Array.from<number | bigint>(got.data), Array.from<number | bigint>(t.data), name);
  }
}

test("encodes the reference crate's single-tensor example byte for byte", () => {
  // Header of exactly 64 bytes, so no padding; data 0..5 as f32.
  const header = '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}';
  assert.equal(header.length, 64);
  const expected = assemble(header, 0, f32(0, 1, 2, 3, 4, 5));
  const bytes = encodeSafetensors({
    "attn.0": { dtype: "F32", shape: [1, 2, 3], data: new Float32Array([0, 1, 2, 3, 4, 5]) },
  });
  assert.deepEqual(bytes, expected);
});

test("pads the header with spaces to a multiple of 8", () => {
  const header = '{"attn0":{"dtype":"F32","shape":[1,1,2,3],"data_offsets":[0,24]}}';
  assert.equal(header.length, 65);
  const expected = assemble(header, 7, f32(0, 1, 2, 3, 4, 5));
  const bytes = encodeSafetensors({
    attn0: { dtype: "F32", shape: [1, 1, 2, 3], data: new Float32Array([0, 1, 2, 3, 4, 5]) },
  });
  assert.deepEqual(bytes, expected);
  assert.deepEqual([...encodeSafetensors({})], [8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32]);
});

test("round-trips a hand-assembled multi-dtype file with metadata", () => {
  assert.deepEqual(encodeSafetensors(mixed, mixedMetadata), mixedFile);
  const decoded = decodeSafetensors(mixedFile, "mixed.safetensors");
  assertSameTensors(decoded.tensors, mixed);
  assert.deepEqual({ ...decoded.metadata }, mixedMetadata);
});

test("decodes aligned tensors as views and unaligned ones as copies", () => {
  const aligned = decodeSafetensors(mixedFile, "aligned");
  assert.equal(aligned.tensors.b!.data.buffer, mixedFile.buffer);
  const shifted = new Uint8Array(mixedFile.length + 1);
  shifted.set(mixedFile, 1);
  const unaligned = decodeSafetensors(shifted.subarray(1), "unaligned");
  assert.notEqual(unaligned.tensors.b!.data.buffer, shifted.buffer);
  assertSameTensors(unaligned.tensors, mixed);
});

test("accepts tensors listed in any order and odd names", () => {
  const header =
    '{"y":{"dtype":"U8","shape":[1],"data_offsets":[4,5]},"__proto__":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
  const proto = "__proto__";
  const file = decodeSafetensors(assemble(header, 0, [...f32(2.5), 7]), "order");
  assert.deepEqual([...file.tensors[proto]!.data], [2.5]);
  assert.deepEqual([...file.tensors.y!.data], [7]);
  const again = decodeSafetensors(encodeSafetensors(file.tensors), "again");
  assert.deepEqual([...again.tensors[proto]!.data], [2.5]);
});

function rejects(bytes: Uint8Array, pattern: RegExp, tensor?: string) {
  assert.throws(
    () => decodeSafetensors(bytes, "bad.safetensors"),
    (e: unknown) => {
      assert.ok(e instanceof VigilInputError, String(e));
      assert.equal(e.source, "bad.safetensors");
      assert.match(e.message, pattern);
      if (tensor !== undefined) assert.equal(e.column, tensor);
      return true;
    },
  );
}

test("rejects malformed files with errors naming the source and tensor", () => {
  rejects(mixedFile.subarray(0, mixedFile.length - 1), /"flag".*truncated/, "flag");
  rejects(mixedFile.subarray(0, 5), /8-byte header length/);
  rejects(mixedFile.subarray(0, 40), /runs past the end/);
  const huge = mixedFile.slice();
  new DataView(huge.buffer).setBigUint64(0, 1n << 40n, true);
  rejects(huge, /exceeds/);
  rejects(assemble('{"a":{"dtype":"F32","shape":[2],', 0, []), /not valid JSON/);
  rejects(
    assemble('{"a":{"dtype":"F31","shape":[1],"data_offsets":[0,4]}}', 0, f32(1)),
    /unknown dtype "F31"/,
    "a",
  );
  rejects(
    assemble('{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', 0, f32(1, 2)),
    /needs 12 bytes/,
    "a",
  );
  rejects(
    assemble(
      '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}',
      0,
      f32(1, 2, 3),
    ),
    /overlaps/,
    "b",
  );
  rejects(assemble('{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}', 0, f32(1, 2)), /gap/, "a");
  rejects(assemble('{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', 0, f32(1, 2)), /holds 8/);
  rejects(
    assemble('{"a":{"dtype":"BOOL","shape":[1],"data_offsets":[0,1]}}', 0, [2]),
    /other than 0 or 1/,
    "a",
  );
  rejects(assemble('{"__metadata__":{"k":1}}', 0, []), /must be a string/);
  rejects(assemble("[1]", 0, []), /JSON object/);
});

test("rejects inconsistent tensors when encoding", () => {
  const bad = (tensor: unknown, pattern: RegExp) =>
    assert.throws(
      () => encodeSafetensors({ t: tensor as SafetensorsTensor }),
      (e: unknown) => e instanceof VigilArgumentError && pattern.test(e.message),
    );
  bad({ dtype: "F32", shape: [3], data: new Float32Array(2) }, /3 elements but data has 2/);
  bad({ dtype: "F32", shape: [2], data: new Float64Array(2) }, /needs a Float32Array/);
  bad({ dtype: "F8", shape: [2], data: new Uint8Array(2) }, /unknown dtype/);
  bad({ dtype: "F32", shape: [-1], data: new Float32Array(0) }, /non-negative/);
});

// Python's `safetensors` is never a runtime dependency: this check runs only where it is importable.
const python = spawnSync("python3", ["-c", "import numpy, safetensors.numpy"], { encoding: "utf8" });
const pythonSkip = python.status === 0 ? false : "python3 with safetensors and numpy is not available";

test("matches files written by Python's safetensors byte for byte", { skip: pythonSkip }, () => {
  const script = `
import sys, math, numpy as np
from safetensors.numpy import save
t = {
  "a": np.array([1.5, -0.25], dtype=np.float32), "c": np.array([1, 2, 255], dtype=np.uint8),
  "flag": np.array([True, False]), "h": np.array([1.0, -2.0], dtype=np.float16),
  "m": np.array([[3]], dtype=np.float32), "b": np.array([1, -2], dtype=np.int64),
  "10": np.zeros((0,), dtype=np.int32), "z": np.array(math.pi, dtype=np.float64),
}
sys.stdout.buffer.write(save(t, metadata={"format": "pt"}))
`;
  // One metadata key only: the reference keeps metadata in a hash map, so with several keys its
  // byte order varies from run to run (Vigil sorts them).
  const fromPython = new Uint8Array(execFileSync("python3", ["-c", script]));
  assert.deepEqual(encodeSafetensors(mixed, { format: "pt" }), fromPython);
  const decoded = decodeSafetensors(fromPython, "python");
  assertSameTensors(decoded.tensors, mixed);
  assert.deepEqual({ ...decoded.metadata }, { format: "pt" });
});
