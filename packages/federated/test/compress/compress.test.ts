import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { DeltaCompressor, ErrorFeedback, float32AtMost, quantise8, topK } from "@vigil/federated/compress";
import {
  decodeMessage,
  encodeMessage,
  type FederatedMessage,
  messageToUpdate,
  payloadValues,
} from "@vigil/federated/update";

const delta = Float64Array.from(
  { length: 200 },
  (_, i) => Math.sin(i * 0.37) * (1 + (i % 7)) * 1e-3 + 1e-9 * i,
);

test("8-bit stochastic quantisation is unbiased: the mean over many seeds converges to the value", () => {
  const seeds = 4000;
  const mean = new Float64Array(delta.length);
  let step = 0;
  for (let s = 0; s < seeds; s++) {
    const q = quantise8(delta, createRng(s));
    step = q.step;
    const values = payloadValues(q, delta.length);
    for (let i = 0; i < delta.length; i++) {
      // Every draw is one of the two grid points around the value.
      assert.ok(Math.abs(values[i]! - delta[i]!) <= q.step * (1 + 1e-9));
      mean[i] = mean[i]! + values[i]! / seeds;
    }
  }
  // Each draw has variance at most step²/4: the mean of 4000 lies within 5 standard errors.
  const tolerance = (5 * step) / 2 / Math.sqrt(seeds);
  let worst = 0;
  for (let i = 0; i < delta.length; i++) worst = Math.max(worst, Math.abs(mean[i]! - delta[i]!));
  assert.ok(worst < tolerance, `worst bias ${worst} vs ${tolerance}`);
  // Deterministic rounding to the nearest level would be biased by up to step/2 somewhere.
  assert.ok(step > 0 && tolerance < step / 2);
});

test("quantisation keeps the extremes and constant tensors exactly", () => {
  const q = quantise8(delta, createRng(0));
  const values = payloadValues(q, delta.length);
  let lo = Infinity;
  for (const v of delta) lo = Math.min(lo, v);
  assert.ok(q.min <= lo && q.min === Math.fround(q.min) && q.min === float32AtMost(lo));
  assert.ok(Math.min(...values) <= lo + q.step);
  const constant = quantise8(new Float64Array(5).fill(0.25), createRng(0));
  assert.deepEqual([...payloadValues(constant, 5)], [0.25, 0.25, 0.25, 0.25, 0.25]);
});

test("top-k keeps the k largest magnitudes and error feedback loses nothing over rounds", () => {
  const sparse = topK(Float64Array.of(0.1, -5, 3, 0, -3.5), 2);
  assert.deepEqual([...sparse.indices], [1, 4]);
  assert.deepEqual([...sparse.values], [-5, -3.5]);
  const feedback = new ErrorFeedback();
  const sent = new Float64Array(delta.length);
  const total = new Float64Array(delta.length);
  for (let round = 0; round < 5; round++) {
    const compensated = feedback.compensate("x", delta);
    const s = topK(compensated, 20);
    feedback.remember("x", compensated, s);
    s.indices.forEach((i, j) => {
      sent[i] = sent[i]! + s.values[j]!;
    });
    for (let i = 0; i < delta.length; i++) total[i] = total[i]! + delta[i]!;
  }
  // Everything produced is either sent or still pending: sent + residual = Σ deltas.
  const residual = feedback.compensate("x", new Float64Array(delta.length));
  for (let i = 0; i < delta.length; i++) assert.ok(Math.abs(sent[i]! + residual[i]! - total[i]!) < 1e-15);
});

test("compressed updates round-trip through the wire format and shrink it", () => {
  const tensors = [{ name: "x", shape: [20, 10], data: delta }];
  const message = (method: "none" | "quantise8" | "top-k"): FederatedMessage => ({
    kind: "update",
    sender: "s",
    round: 1,
    sampleCount: 10,
    loss: Number.NaN,
    tensors: new DeltaCompressor(createRng(3), { method, topKFraction: 0.1 }).compress(tensors),
  });
  const bytes = Object.fromEntries(
    (["none", "quantise8", "top-k"] as const).map((m) => {
      const original = message(m);
      const wire = encodeMessage(original);
      const decoded = decodeMessage(wire, { source: m });
      assert.deepEqual(decoded, original);
      const dense = messageToUpdate(decoded).tensors[0]!.data;
      assert.equal(dense.length, 200);
      return [m, wire.byteLength];
    }),
  );
  // 4 bytes per element dense, 1 quantised, 8 per kept element (10 %) sparse, plus headers.
  assert.ok(bytes.none! > 800 && bytes.none! < 900, `${bytes.none}`);
  assert.ok(bytes.quantise8! < bytes.none! / 3, `${bytes.quantise8}`);
  assert.ok(bytes["top-k"]! < bytes.none! / 3, `${bytes["top-k"]}`);
  assert.throws(() => new DeltaCompressor(createRng(0), { method: "zip" as never }), /method/);
  // A diverged site's NaN must not travel as finite 8-bit codes or top-k values.
  const diverged = [{ name: "x", shape: [3], data: Float64Array.of(1, Number.NaN, 2) }];
  for (const method of ["none", "quantise8", "top-k"] as const) {
    assert.throws(
      () => new DeltaCompressor(createRng(0), { method }).compress(diverged),
      /tensor "x" element 1 is NaN/,
    );
  }
});
