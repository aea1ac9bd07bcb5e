import assert from "node:assert/strict";
import { test } from "node:test";
import {
  averagePrecision,
  bestF1,
  eventwiseScores,
  meanDelaySteps,
  pointAdjustedScores,
  pointwiseScores,
  randomBaseline,
  timeToDetection,
} from "../../src/metrics/index.ts";
import { createRng } from "../../src/random/index.ts";

const labels = Uint8Array.from([0, 1, 1, 0, 0, 1, 1, 1, 0, 0]);
const predictions = Uint8Array.from([0, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("point-wise precision, recall and F1 from the confusion matrix", () => {
  const r = pointwiseScores(labels, predictions);
  assert.deepEqual(r.counts, { tp: 1, fp: 2, fn: 4, tn: 3 });
  close(r.precision, 1 / 3);
  close(r.recall, 1 / 5);
  close(r.f1, 0.25);
});

test("event-wise: an event is detected by any flagged step; a predicted event overlapping none is false", () => {
  const r = eventwiseScores(labels, predictions);
  assert.equal(r.trueEvents, 2);
  assert.equal(r.detectedEvents, 1);
  assert.equal(r.predictedEvents, 3);
  assert.equal(r.falseEvents, 2);
  close(r.precision, 1 / 3);
  close(r.recall, 0.5);
  close(r.f1, 0.4);
});

test("point-adjusted F1 flags whole detected events and says it is inflated", () => {
  const r = pointAdjustedScores(labels, predictions);
  assert.equal(r.inflated, true);
  close(r.precision, 0.5);
  close(r.recall, 0.4);
  close(r.f1, 0.8 / 1.8);
  assert.ok(r.f1 > pointwiseScores(labels, predictions).f1);
});

test("average precision is the step-wise sum over distinct thresholds, ties as one step", () => {
  const y = Uint8Array.from([1, 0, 1, 0]);
  close(averagePrecision(y, Float64Array.from([0.9, 0.8, 0.7, 0.1])), 0.5 + 0.5 * (2 / 3));
  close(averagePrecision(y, Float64Array.from([0.5, 0.5, 0.2, 0.1])), 0.25 + 0.5 * (2 / 3));
  // NaN is never flagged: the positive with a NaN score is never recalled.
  close(averagePrecision(y, Float64Array.from([0.9, 0.1, Number.NaN, 0.2])), 0.5);
  assert.throws(() => averagePrecision(new Uint8Array(3), new Float64Array(3)), /at least one positive/);
});

test("random scores give average precision near the positive rate", () => {
  const rng = createRng(12345);
  const n = 20000;
  const y = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 10 === 0 ? 1 : 0;
    scores[i] = rng.next();
  }
  const ap = averagePrecision(y, scores);
  assert.ok(Math.abs(ap - 0.1) < 0.015, `AP ${ap}`);
});

test("best F1 over thresholds", () => {
  const r = bestF1(Uint8Array.from([1, 0, 1, 0]), Float64Array.from([0.9, 0.8, 0.7, 0.1]));
  close(r.f1, 0.8);
  assert.equal(r.threshold, 0.7);
  close(r.precision, 2 / 3);
  close(r.recall, 1);
});

test("time to detection per event, in steps and nanoseconds", () => {
  const y = Uint8Array.from([0, 1, 1, 1, 0, 0, 1, 1]);
  const p = Uint8Array.from([1, 0, 0, 1, 0, 0, 0, 0]);
  const ts = BigInt64Array.from([0n, 10n, 20n, 30n, 40n, 50n, 60n, 70n]);
  const d = timeToDetection(y, p, ts);
  assert.deepEqual(d, [
    { start: 1, end: 3, detectedAt: 3, delaySteps: 2, delayNs: 20n },
    { start: 6, end: 7, detectedAt: undefined, delaySteps: undefined, delayNs: undefined },
  ]);
  assert.equal(meanDelaySteps(d), 2);
});

test("inputs are validated", () => {
  assert.throws(() => pointwiseScores(new Uint8Array(3), new Uint8Array(4)), { code: "VIGIL_ERR_ARGUMENT" });
  assert.throws(() => pointwiseScores(Uint8Array.from([0, 2]), new Uint8Array(2)), /0\/1 values in labels/);
});

test("random baseline: same evaluation on seeded random scores, reproducible", () => {
  const y = new Uint8Array(5000);
  for (let i = 0; i < 5000; i++) y[i] = i % 5 === 0 ? 1 : 0;
  const evaluate = (scores: Float64Array) => ({
    ap: averagePrecision(y, scores),
    bestF1: bestF1(y, scores).f1,
  });
  const a = randomBaseline(y.length, evaluate, { runs: 5, seed: 3 });
  const b = randomBaseline(y.length, evaluate, { runs: 5, seed: 3 });
  assert.deepEqual(a, b);
  assert.ok(Math.abs(a.mean.ap - 0.2) < 0.02, `AP ${a.mean.ap}`);
  // The best F1 of random scores is the F1 of flagging everything, 2·0.2 / 1.2 = 1/3, or slightly above.
  assert.ok(a.mean.bestF1 >= 1 / 3 - 1e-12 && a.mean.bestF1 < 0.36, `best F1 ${a.mean.bestF1}`);
  assert.ok(a.std.ap > 0);
});
