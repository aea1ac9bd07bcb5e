import assert from "node:assert/strict";
import { test } from "node:test";
import { fisherZFromCorrelation, fisherZStatistic, fisherZTest } from "@vigil/causal/citest";
import { sampleLinearSem } from "@vigil/causal/simulate";

test("the statistic is √(n − |S| − 3)·atanh(r)", () => {
  assert.ok(Math.abs(fisherZStatistic(0.3, 103, 0) - 10 * Math.atanh(0.3)) < 1e-12);
  assert.ok(Math.abs(fisherZStatistic(-0.3, 105, 2) + 10 * Math.atanh(0.3)) < 1e-12);
  assert.equal(fisherZStatistic(0.9, 4, 2), 0);
});

test("p-value at the 5% boundary: r with √(n−3)·atanh(r) = 1.96", () => {
  const n = 403;
  const r = Math.tanh(1.959963984540054 / 20);
  const t = fisherZFromCorrelation(Float64Array.from([1, r, r, 1]), n);
  assert.ok(Math.abs(t.test(0, 1, []).pValue - 0.05) < 1e-7);
});

test("a chain X → Y → Z: X and Z dependent, independent given Y", () => {
  const sem = {
    names: ["X", "Y", "Z"],
    edges: [
      { from: 0, to: 1, weight: 0.8 },
      { from: 1, to: 2, weight: -0.7 },
    ],
    noise: Float64Array.from([1, 1, 1]),
  };
  const t = fisherZTest(sampleLinearSem(sem, 4000, 7));
  assert.ok(t.test(0, 2, []).pValue < 1e-10);
  assert.ok(t.test(0, 2, [1]).pValue > 0.01);
  assert.deepEqual(t.test(2, 0, [1]), t.test(0, 2, [1]));
});
