import assert from "node:assert/strict";
import { test } from "node:test";
import { chiSquareSurvival, digammaTable } from "@vigil/causal/stats";

test("chi-square survival matches the 5% critical values", () => {
  assert.ok(Math.abs(chiSquareSurvival(3.841458820694124, 1) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(5.991464547107979, 2) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(18.307038053275146, 10) - 0.05) < 1e-9);
  assert.ok(Math.abs(chiSquareSurvival(124.34211340400407, 100) - 0.05) < 1e-8);
  assert.equal(chiSquareSurvival(0, 3), 1);
});

test("digamma at known points", () => {
  const psi = digammaTable(4);
  assert.ok(Math.abs((psi[1] as number) + 0.5772156649015329) < 1e-15);
  assert.ok(Math.abs((psi[4] as number) - (1 + 1 / 2 + 1 / 3 - 0.5772156649015329)) < 1e-15);
});
