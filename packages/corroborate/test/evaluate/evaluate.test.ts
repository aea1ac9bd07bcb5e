import assert from "node:assert/strict";
import { test } from "node:test";
import {
  backgroundFalsePositiveRate,
  backgroundMaxima,
  confusionAt,
  labelCandidates,
  precisionRecallCurve,
  thresholdForFalsePositiveRate,
  wilsonInterval,
} from "../../src/evaluate/index.ts";

test("Wilson interval: known values", () => {
  const a = wilsonInterval(0, 10, 1.959963984540054);
  assert.equal(a.low, 0);
  assert.ok(Math.abs(a.high - 0.27753279) < 1e-6);
  // SLAC V.2: 176 of 6,453 random windows, 1-σ.
  const b = wilsonInterval(176, 6453, 1);
  assert.ok(Math.abs(b.rate - 0.02727) < 1e-4 && b.high - b.low > 0.0035 && b.high - b.low < 0.0045);
});

test("PR curve and best F1 on a hand-checked example", () => {
  const scores = Float64Array.of(0.9, 0.8, 0.7, 0.6, 0.5, Number.NaN);
  const labels = Uint8Array.of(1, 0, 1, 1, 0, 1);
  const { points, best } = precisionRecallCurve(scores, labels);
  assert.deepEqual(
    points.map((p) => [p.threshold, p.tp, p.fp]),
    [
      [0.9, 1, 0],
      [0.8, 1, 1],
      [0.7, 2, 1],
      [0.6, 3, 1],
      [0.5, 3, 2],
    ],
  );
  assert.equal(best.threshold, 0.6);
  assert.ok(Math.abs(best.f1 - 6 / 8) < 1e-12);
  const c = confusionAt(scores, labels, 0.6);
  assert.deepEqual([c.tp, c.fp, c.fn, c.tn], [3, 1, 1, 1]);
});

test("background windows and a threshold for a target false-positive rate", () => {
  const t = BigInt64Array.from({ length: 12_000 }, (_, i) => BigInt(i) * 8_333_333n);
  const scores = Float64Array.from({ length: 12_000 }, (_, i) => (i % 1000 === 0 ? 10 : 1));
  const maxima = backgroundMaxima(t, scores, { windows: 500, windowSeconds: 1, skipSeconds: 0, seed: 3 });
  assert.equal(maxima.length, 500);
  const rate = backgroundFalsePositiveRate(maxima, 5);
  // A 120-pulse window holds one of the spikes 1000 apart with probability ≈ 121/1000.
  assert.ok(rate.rate > 0.08 && rate.rate < 0.16, `rate ${rate.rate}`);
  const tau = thresholdForFalsePositiveRate(maxima, 0.01);
  assert.ok(tau > 10 && backgroundFalsePositiveRate(maxima, tau).rate <= 0.01);
});

test("candidates are labelled by an anomaly of their station starting in their window", () => {
  const c = [
    { start: 10n, end: 20n, stations: ["A"], source: "AMPL" as const },
    { start: 30n, end: 40n, stations: ["B"], source: "AMPL" as const },
  ];
  assert.deepEqual(
    [
      ...labelCandidates(c, [
        { station: "A", onsetNs: 15n },
        { station: "A", onsetNs: 35n },
      ]),
    ],
    [1, 0],
  );
});
