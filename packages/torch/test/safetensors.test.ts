import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import * as T from "@vigil/torch";

// A file written byte by byte here, independently of the encoder: header length (u64 LE), JSON
// header padded with spaces to 8 bytes, then little-endian data.
function handWritten(): Uint8Array {
  const header =
    '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}';
  const padded = header + " ".repeat((8 - (header.length % 8)) % 8);
  const bytes = new Uint8Array(8 + padded.length + 16);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(padded.length), true);
  bytes.set(new TextEncoder().encode(padded), 8);
  const data = new DataView(bytes.buffer, 8 + padded.length);
  data.setFloat32(0, 1.5, true);
  data.setFloat32(4, -2, true);
  data.setBigInt64(8, 42n, true);
  return bytes;
}

test("reads an independently written safetensors file and writes it back byte for byte", () => {
  const bytes = handWritten();
  const { state } = T.safetensorsToStateDict(bytes, "hand-written");
  assert.deepEqual(state.get("a")!.toArray(), Float32Array.of(1.5, -2));
  assert.deepEqual(state.get("b")!.toArray(), BigInt64Array.of(42n));
  // I64 and F32 both sort after... the reference writer orders by dtype alignment: I64 (8 bytes) before F32.
  const again = T.stateDictToSafetensors(state);
  const decoded = T.safetensorsToStateDict(again).state;
  assert.deepEqual(decoded.get("a")!.toArray(), Float32Array.of(1.5, -2));
  assert.deepEqual(decoded.get("b")!.toArray(), BigInt64Array.of(42n));
  const sameOrder = new Map([["a", state.get("a")!]]);
  const single = T.stateDictToSafetensors(sameOrder);
  const expectedHeader = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
  const len = Number(new DataView(single.buffer, single.byteOffset).getBigUint64(0, true));
  assert.equal(new TextDecoder().decode(single.subarray(8, 8 + len)).trimEnd(), expectedHeader);
  T.dispose([state, decoded]);
});

test("a module round-trips through a safetensors file; bad files get clear errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vigil-st-"));
  const path = join(dir, "model.safetensors");
  const a = new T.Sequential(new T.Linear(3, 4), new T.ReLU(), new T.Linear(4, 2));
  await T.saveSafetensors(path, a.stateDict(), { format: "vigil" });
  const { state, metadata } = await T.loadSafetensors(path);
  assert.equal(metadata.format, "vigil");
  const b = new T.Sequential(new T.Linear(3, 4), new T.ReLU(), new T.Linear(4, 2));
  b.loadStateDict(state);
  T.tidy(() => {
    const x = T.randn([5, 3]);
    assert.deepEqual(a.forward(x).toArray(), b.forward(x).toArray());
  });
  const truncated = readFileSync(path).subarray(0, 40);
  writeFileSync(path, truncated);
  await assert.rejects(
    T.loadSafetensors(path),
    (e: Error & { code?: string }) => e.code === "VIGIL_ERR_INPUT" && e.message.includes(path),
  );
  T.dispose(state);
  a.dispose();
  b.dispose();
});
