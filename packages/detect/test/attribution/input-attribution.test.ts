import assert from "node:assert/strict";
import { test } from "node:test";
import { gradientTimesInput, integratedGradients, onsetStep } from "@vigil/detect/attribution";
import { type Tensor, tensor } from "@vigil/torch";

/** f(x) = Σ x³ per sample: its integrated gradients from x′ are exactly x³ − x′³ per element. */
const cube = (x: Tensor) => x.pow(3).sum([1, 2]);

test("integrated gradients of Σx³ match x³ − x′³ element-wise and satisfy completeness", () => {
  const x = tensor(Float32Array.of(1, -2, 0.5, 3, 0, 1.5), { shape: [1, 2, 3] });
  const baseline = tensor(Float32Array.of(0, 1, 0.5, -1, 2, 0), { shape: [1, 2, 3] });
  const { attributions, score, baselineScore } = integratedGradients(cube, x, baseline, 64);
  const xs = x.toFloat64Array();
  const bs = baseline.toFloat64Array();
  attributions.forEach((a, i) => {
    const exact = xs[i]! ** 3 - bs[i]! ** 3;
    assert.ok(Math.abs(a - exact) < 2e-3 * (1 + Math.abs(exact)), `element ${i}: ${a} vs ${exact}`);
  });
  const sum = attributions.reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(sum - (score - baselineScore)) < 1e-2, `${sum} vs ${score - baselineScore}`);
  // Too few steps must show the midpoint rule's error, or this test could not fail.
  const coarse = integratedGradients(cube, x, baseline, 1).attributions;
  assert.ok(Math.abs(coarse[3]! - (27 + 1)) > 1);
  x.dispose();
  baseline.dispose();
});

test("gradient × input of Σx³ is 3x³", () => {
  const x = tensor(Float32Array.of(1, -2, 0.5, 3), { shape: [1, 2, 2] });
  const values = gradientTimesInput(cube, x);
  assert.deepEqual([...values], [3, -24, 0.375, 81]);
  x.dispose();
});

test("the onset is where the above-threshold run holding the peak begins", () => {
  const score = Float64Array.of(0, 5, 0, 2, 3, 9, 4, 0);
  assert.equal(onsetStep(score, 5, 0, 1), 3);
  assert.equal(onsetStep(score, 5, 4, 1), 4, "not before the event's start");
  assert.equal(onsetStep(score, 5, 0, 10), undefined);
  assert.equal(onsetStep(Float64Array.of(Number.NaN, 3, 4), 2, 0, 1), 1, "a NaN step ends the walk");
});
