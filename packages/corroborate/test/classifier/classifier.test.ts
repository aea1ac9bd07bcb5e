import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { tensor } from "@vigil/torch";
import {
  DilatedCnn,
  normaliseByTrainingMedianMad,
  type PulseWindows,
  splitExamples,
  trainAndPredict,
} from "../../src/classifier/index.ts";
import { precisionRecallCurve } from "../../src/evaluate/index.ts";

test("the Appendix E network: (8, 720) → 768 features → one logit, 183,457 parameters", () => {
  const model = new DilatedCnn(8, 720);
  // convs 2,080 + 16,448 + 65,664; batch norms 704; FC 768·128 + 128; output 129.
  assert.equal(model.parameterCount(), 183_457);
  model.eval();
  const x = tensor(new Float32Array(3 * 8 * 720).fill(0.5), { shape: [3, 8, 720] });
  const y = model.forward(x);
  assert.deepEqual(y.shape, [3, 1]);
  y.dispose();
  x.dispose();
  model.dispose();
});

test("splits: time puts the latest examples in the test set; random is a seeded partition", () => {
  assert.deepEqual(splitExamples(10, "time", 0.2, 1), { train: [0, 1, 2, 3, 4, 5, 6, 7], test: [8, 9] });
  const a = splitExamples(50, "random", 0.2, 7);
  assert.deepEqual(a, splitExamples(50, "random", 0.2, 7));
  assert.equal(a.test.length, 10);
  assert.deepEqual(
    [...a.train, ...a.test].sort((x, y) => x - y),
    Array.from({ length: 50 }, (_, i) => i),
  );
  assert.notDeepEqual(a.test, [40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
});

test("median/MAD normalisation uses the training examples only", () => {
  // Two examples, one channel, three pulses: train = example 0 with values 1, 3, 9 (median 3, MAD 2).
  const w: PulseWindows = {
    data: Float32Array.of(1, 3, 9, 100, 101, 102),
    channels: 1,
    pulses: 3,
    source: Int32Array.of(0, 1),
  };
  normaliseByTrainingMedianMad(w, [0]);
  assert.deepEqual([...w.data], [-1, 0, 3, 48.5, 49, 49.5]);
});

test("learns a separable beam pattern (a dip in the last pulses of every position channel)", () => {
  const rand = createRng(3).next;
  const n = 48;
  const channels = 8;
  const pulses = 720;
  const data = new Float32Array(n * channels * pulses).map(() => rand() - 0.5);
  const labels = Uint8Array.from({ length: n }, (_, e) => (e % 3 === 0 ? 1 : 0));
  for (let e = 0; e < n; e++) {
    if (labels[e] === 0) continue;
    for (let c = 1; c < channels; c += 2)
      for (let i = 600; i < 720; i++) data[(e * channels + c) * pulses + i]! += 3;
  }
  const w: PulseWindows = { data, channels, pulses, source: Int32Array.from({ length: n }, (_, i) => i) };
  const { train, test } = splitExamples(n, "random", 0.25, 5);
  normaliseByTrainingMedianMad(w, train);
  const r = trainAndPredict(w, labels, train, test, { epochs: 12, learningRate: 1e-3, batchSize: 12 });
  assert.ok(Math.abs(r.positiveWeight - 2) < 0.5, `positive weight ${r.positiveWeight}`);
  const { best } = precisionRecallCurve(
    r.probabilities,
    Uint8Array.from(test, (e) => labels[e]!),
  );
  assert.ok(best.f1 >= 0.9, `test F1 ${best.f1}`);
});
