import assert from "node:assert/strict";
import { test } from "node:test";
import { nabOptimisedScore, nabScaledSigmoid, nabScore, nabWindows } from "../../src/metrics/index.ts";
import { createRng } from "../../src/random/index.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

/** 1000 rows, one label at 500: window ⌊0.1·1000/1⌋ = 100 rows → [450, 550]; probation 150 rows. */
function file(detections: number[]) {
  const labels = new Uint8Array(1000);
  labels[500] = 1;
  const predictions = new Uint8Array(1000);
  for (const d of detections) predictions[d] = 1;
  return { labels, predictions };
}

test("scaled sigmoid is tanh(−5y/2), −1 beyond three window lengths", () => {
  close(nabScaledSigmoid(-1), Math.tanh(2.5));
  close(nabScaledSigmoid(0.5), -Math.tanh(1.25));
  assert.equal(nabScaledSigmoid(3.5), -1);
});

test("windows: centred, clipped, merged, dropped inside probation", () => {
  assert.deepEqual(nabWindows(file([]).labels), [{ start: 450, end: 550 }]);
  const two = new Uint8Array(1000);
  two[500] = 1;
  two[520] = 1;
  assert.deepEqual(nabWindows(two), [{ start: 475, end: 545 }]);
  const early = new Uint8Array(1000);
  early[100] = 1;
  early[900] = 1;
  assert.deepEqual(nabWindows(early), [{ start: 875, end: 925 }]);
});

test("perfect detector scores 100 and null detector 0 on every profile", () => {
  const perfect = nabScore([file([450])]);
  const none = nabScore([file([])]);
  for (const p of ["standard", "reward_low_FP", "reward_low_FN"] as const) {
    close(perfect.profiles[p].score, 100);
    close(none.profiles[p].score, 0);
  }
  assert.equal(none.profiles.reward_low_FN.null, -2);
});

test("a late detection earns the sigmoid at its position; later ones in the window are ignored", () => {
  const atRightEdge = nabScore([file([550])]);
  close(atRightEdge.profiles.standard.score, (100 * (1 + Math.tanh(2.5 / 101) / Math.tanh(2.5))) / 2);
  const twoHits = nabScore([file([500, 540])]);
  close(twoHits.profiles.standard.score, (100 * (1 + Math.tanh((2.5 * 51) / 101) / Math.tanh(2.5))) / 2);
  assert.equal(twoHits.falsePositives, 0);
});

test("false positives: full A_FP before any window, sigmoid-weighted after one, free in probation", () => {
  const before = nabScore([file([300])]);
  close(before.profiles.standard.score, (100 * (-0.11 - 1 + 1)) / 2);
  close(before.profiles.reward_low_FP.score, (100 * (-0.22 - 1 + 1)) / 2);
  close(before.profiles.reward_low_FN.score, (100 * (-0.11 - 2 + 2)) / 3);
  // 50 rows past a 101-row window: position 50 / 100 = 0.5.
  const after = nabScore([file([450, 600])]);
  close(after.profiles.standard.score, (100 * (2 - 0.11 * Math.tanh(1.25))) / 2);
  assert.equal(after.falsePositives, 1);
  close(nabScore([file([100, 450])]).profiles.standard.score, 100);
});

test("corpus scores are normalised over the summed windows", () => {
  const r = nabScore([file([450]), file([])]);
  close(r.profiles.standard.score, 50);
  assert.equal(r.windows, 2);
  assert.equal(r.detectedWindows, 1);
});

test("optimised NAB sweeps thresholds per profile", () => {
  const { labels } = file([]);
  const scores = new Float64Array(1000);
  scores[300] = 0.95;
  scores[450] = 0.9;
  const r = nabOptimisedScore([{ labels, scores }]);
  // Thresholds: ∞ → 0; 0.95 → one early FP and a miss (−5.5); 0.9 → FP + perfect hit (94.5); 0 → every row flagged.
  close(r.standard.score, (100 * (1 - 0.11 + 1)) / 2);
  assert.equal(r.standard.threshold, 0.9);
  close(r.reward_low_FN.score, (100 * (1 - 0.11 + 2)) / 3);
  const silent = nabOptimisedScore([{ labels, scores: new Float64Array(1000) }]);
  assert.equal(silent.standard.threshold, Number.POSITIVE_INFINITY);
  assert.equal(silent.standard.score, 0);
});

test("optimised and binary NAB agree at the threshold the sweep picks", () => {
  const next = createRng(7).next;
  const files = [0, 1, 2].map(() => {
    const labels = new Uint8Array(2000);
    const anomaly = 600 + Math.floor(next() * 1200);
    labels[anomaly] = 1;
    labels[300 + Math.floor(next() * 200)] = 1;
    const predictions = Uint8Array.from({ length: 2000 }, () => (next() < 0.003 ? 1 : 0));
    // One detection a few steps after an anomaly, so every draw has windows detected as well as false positives.
    predictions[anomaly + 3] = 1;
    return { labels, predictions };
  });
  const binary = nabScore(files);
  const optimised = nabOptimisedScore(
    files.map((f) => ({ labels: f.labels, scores: Float64Array.from(f.predictions) })),
  );
  for (const p of ["standard", "reward_low_FP", "reward_low_FN"] as const) {
    const o = optimised[p];
    assert.ok(o.score >= binary.profiles[p].score - 1e-9);
    // With 0/1 scores the only sensible thresholds are 1 (the detections) and ∞ (nothing).
    assert.ok(o.threshold === 1 || o.threshold === Number.POSITIVE_INFINITY, `threshold ${o.threshold}`);
    close(o.score, o.threshold === 1 ? binary.profiles[p].score : 0);
  }
  assert.ok(binary.falsePositives > 0 && binary.detectedWindows > 0);
  assert.equal(optimised.standard.threshold, 1, `binary ${binary.profiles.standard.score}`);
});
