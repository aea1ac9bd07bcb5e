import assert from "node:assert/strict";
import { test } from "node:test";
import { chiSquareSurvival, digammaTable, logGamma, twoSidedNormalP } from "@vigil/causal/stats";

test("the two-sided normal p-value matches tabulated values, tails included", () => {
  assert.ok(Math.abs(twoSidedNormalP(-1) - 0.317310507862914) < 1e-12);
  assert.ok(Math.abs(twoSidedNormalP(8) / 1.244192114854357e-15 - 1) < 1e-6);
  assert.ok(Math.abs(twoSidedNormalP(1.959963984540054) - 0.05) < 1e-7);
  assert.ok(Math.abs(twoSidedNormalP(2.5758293035489) - 0.01) < 1e-8);
});

test("chi-square survival matches the 5% critical values", () => {
  assert.ok(Math.abs(chiSquareSurvival(3.841458820694124, 1) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(5.991464547107979, 2) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(18.307038053275146, 10) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(124.34211340400407, 100) - 0.05) < 1e-8);
  assert.equal(chiSquareSurvival(0, 3), 1);
});

test("logGamma and digamma at known points", () => {
  assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-10);
  assert.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-10);
  const psi = digammaTable(4);
  assert.ok(Math.abs((psi[1] as number) + 0.5772156649015329) < 1e-15);
  assert.ok(Math.abs((psi[4] as number) - (1 + 1 / 2 + 1 / 3 - 0.5772156649015329)) < 1e-15);
});
