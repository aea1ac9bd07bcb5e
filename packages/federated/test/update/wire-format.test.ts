import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import {
  decodeMessage,
  type EncodedTensor,
  encodedSize,
  encodeMessage,
  type FederatedMessage,
  messageToUpdate,
} from "@vigil/federated/update";
import { SHAPES } from "../helpers/tensors.ts";

const tensors: EncodedTensor[] = [
  { name: "w", shape: [2, 2], payload: { kind: "float32", data: Float32Array.of(1, -2, 3.5, 0) } },
  { name: "b", shape: [3], payload: { kind: "float64", data: Float64Array.of(0.1, 1e-300, -7) } },
  {
    name: "q",
    shape: [4],
    payload: { kind: "quantised8", min: -1, step: 0.5, codes: Uint8Array.of(0, 1, 2, 255) },
  },
  {
    name: "s",
    shape: [2, 5],
    payload: { kind: "sparse", indices: Uint32Array.of(1, 7), values: Float32Array.of(2, -3) },
  },
];
const message: FederatedMessage = {
  kind: "update",
  sender: "site-é",
  round: 7,
  sampleCount: 1234,
  loss: 0.25,
  tensors,
};

test("a message round-trips through the wire format, every payload kind included", () => {
  const bytes = encodeMessage(message);
  assert.equal(bytes.byteLength, encodedSize(message));
  assert.deepEqual(decodeMessage(bytes, { source: "test" }), message);
  const dense = messageToUpdate(decodeMessage(bytes, { source: "test" }));
  assert.deepEqual([...dense.tensors[2]!.data], [-1, -0.5, 0, 126.5]);
  assert.deepEqual([...dense.tensors[3]!.data], [0, 2, 0, 0, 0, 0, 0, -3, 0, 0]);
  assert.equal(dense.sampleCount, 1234);
});

test("every truncation is rejected with the field and byte offset", () => {
  const bytes = encodeMessage(message);
  for (let length = 0; length < bytes.length; length++) {
    assert.throws(
      () => decodeMessage(bytes.subarray(0, length), { source: "update from site-1" }),
      (error: unknown) =>
        error instanceof VigilInputError &&
        error.source === "update from site-1" &&
        /byte offset \d+/.test(error.message) &&
        (/truncated message: .+ needs \d+ bytes/.test(error.message) || /checksum|magic/.test(error.message)),
      `length ${length}`,
    );
  }
  assert.throws(
    () => decodeMessage(bytes.subarray(0, 30), { source: "x" }),
    /truncated message: sender needs 7 bytes but only 0 remain \(byte offset 30\)/,
  );
});

test("a flipped bit anywhere is rejected; the checksum catches what parses", () => {
  const bytes = encodeMessage(message);
  let checksumErrors = 0;
  for (let i = 0; i < bytes.length; i++) {
    const bad = bytes.slice();
    bad[i] = bad[i]! ^ 0x10;
    assert.throws(
      () => decodeMessage(bad, { source: "x" }),
      (error: unknown) => {
        if (!(error instanceof VigilInputError)) return false;
        if (/checksum mismatch/.test(error.message)) checksumErrors++;
        return true;
      },
      `byte ${i}`,
    );
  }
  assert.ok(checksumErrors > bytes.length / 2, `${checksumErrors} checksum errors`);
});

test("header fields, trailing bytes and bad sparse indices are named", () => {
  const bytes = encodeMessage(message);
  const wrongMagic = bytes.slice();
  wrongMagic[0] = 0x58;
  assert.throws(() => decodeMessage(wrongMagic, { source: "x" }), /magic/);
  const version = bytes.slice();
  version[4] = 9;
  assert.throws(() => decodeMessage(version, { source: "x" }), /unsupported version 9 .*byte offset 4/);
  const longer = new Uint8Array(bytes.length + 1);
  longer.set(bytes);
  assert.throws(() => decodeMessage(longer, { source: "x" }), /1 unexpected bytes after the checksum/);
  const unordered = encodeMessage({
    ...message,
    tensors: [
      {
        name: "s",
        shape: [4],
        payload: { kind: "sparse", indices: Uint32Array.of(2, 1), values: Float32Array.of(1, 1) },
      },
    ],
  });
  assert.throws(
    () => decodeMessage(unordered, { source: "x" }),
    /tensor "s" sparse index 1 is 1: out of range or not increasing/,
  );
  const outside = encodeMessage({
    ...message,
    tensors: [
      {
        name: "s",
        shape: [4],
        payload: { kind: "sparse", indices: Uint32Array.of(4), values: Float32Array.of(1) },
      },
    ],
  });
  assert.throws(() => decodeMessage(outside, { source: "x" }), /sparse index 0 is 4/);
});

test("a tensor whose shape disagrees with the model's, or a missing or foreign one, is rejected", () => {
  const model = (w: readonly number[]): FederatedMessage => ({
    ...message,
    tensors: [
      { name: "w", shape: w, payload: { kind: "float32", data: new Float32Array(4) } },
      { name: "b", shape: [3], payload: { kind: "float32", data: new Float32Array(3) } },
    ],
  });
  assert.doesNotThrow(() => decodeMessage(encodeMessage(model([2, 2])), { source: "x", expect: SHAPES }));
  assert.throws(
    () => decodeMessage(encodeMessage(model([4, 1])), { source: "x", expect: SHAPES }),
    /tensor "w" has shape \[4, 1\] but the model's is \[2, 2\]/,
  );
  const missing = {
    ...message,
    tensors: [{ name: "w", shape: [2, 2], payload: { kind: "float32" as const, data: new Float32Array(4) } }],
  };
  assert.throws(
    () => decodeMessage(encodeMessage(missing), { source: "x", expect: SHAPES }),
    /missing tensor\(s\) "b"/,
  );
  assert.throws(
    () => decodeMessage(encodeMessage(message), { source: "x", expect: SHAPES }),
    /tensor "b" has shape \[3\]|not part of the model/,
  );
});

test("encoding refuses a payload that disagrees with its shape", () => {
  const bad = {
    ...message,
    tensors: [{ name: "w", shape: [2, 2], payload: { kind: "float32" as const, data: new Float32Array(3) } }],
  };
  assert.throws(() => encodeMessage(bad), VigilArgumentError);
  assert.throws(() => encodeMessage({ ...message, round: -1 }), /round/);
});
