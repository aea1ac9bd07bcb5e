import assert from "node:assert/strict";
import { test } from "node:test";
import { ScoreCalibrator } from "../../src/calibrate/index.ts";
import { exponentials, uniforms } from "../threshold/rng.ts";

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("half-normal scores calibrate to themselves", () => {
  const u = uniforms(21);
  // 400 000 draws: the empirical quantile at |z| = 3 (tail 0.27 %) then has a standard error near 0.01, well
  // inside the tolerance (with 40 000 it was 0.03, and whether a seed passed was luck).
  const scores = Float64Array.from({ length: 400_000 }, () => {
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return Math.abs(r * Math.cos(2 * Math.PI * u()));
  });
  const c = ScoreCalibrator.fit(scores);
  for (const x of [0.2, 1, 2, 3]) close(c.calibrate(x), x, 0.05);
});

test("exponential scores map to the half-normal quantile of their CDF, and the tail is e^−x", () => {
  const c = ScoreCalibrator.fit(exponentials(40000, 22));
  for (const x of [0.5, 1, 2, 4]) {
    // P(|Z| ≤ z) = 1 − e^−x  ⇔  z = Φ⁻¹(1 − e^−x / 2); tabulated: 0.5 → 0.7688, 1 → 0.9004, 2 → 1.4914 …
    close(c.tailProbability(x), Math.exp(-x), 0.15 * Math.exp(-x) + 0.002);
  }
  close(c.calibrate(2), 1.4914, 0.03);
  close(c.calibrate(1), 0.9004, 0.02);
  assert.equal(c.calibrate(-5), 0);
  assert.ok(Number.isNaN(c.calibrate(Number.NaN)));
});

test("the map is monotone and extends beyond the training maximum", () => {
  const c = ScoreCalibrator.fit(exponentials(5000, 23));
  const xs = Float64Array.from({ length: 400 }, (_, i) => i * 0.05 - 1);
  const zs = c.calibrateAll(xs);
  for (let i = 1; i < zs.length; i++) assert.ok(zs[i]! >= zs[i - 1]!, `not monotone at ${xs[i]}`);
  assert.ok(c.calibrate(30) > c.calibrate(15) && c.calibrate(15) > 3.5);
});

test("an atom of tied scores keeps the lowest |z| and constant scores are rejected", () => {
  const scores = new Float64Array(1000);
  for (let i = 900; i < 1000; i++) scores[i] = 1 + (i - 900) / 100;
  const c = ScoreCalibrator.fit(scores);
  assert.equal(c.calibrate(0), 0);
  assert.throws(() => ScoreCalibrator.fit(new Float64Array(50).fill(2)), /two distinct scores/);
});

test("JSON round trip and validated loading", () => {
  const c = ScoreCalibrator.fit(exponentials(2000, 24));
  const back = ScoreCalibrator.fromJSON(JSON.parse(JSON.stringify(c)));
  for (const x of [0, 0.3, 2, 9, 20]) assert.equal(back.calibrate(x), c.calibrate(x));
  const state = c.toJSON();
  const broken = { ...state, anchors: [state.anchors[1], state.anchors[0], ...state.anchors.slice(2)] };
  assert.throws(() => ScoreCalibrator.fromJSON(broken, "model.json"), /model\.json, column anchors\[1\]/);
  assert.throws(() => ScoreCalibrator.fromJSON({ kind: "other" }), { code: "VIGIL_ERR_INPUT" });
});
