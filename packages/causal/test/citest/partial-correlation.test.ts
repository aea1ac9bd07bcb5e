import assert from "node:assert/strict";
import { test } from "node:test";
import { partialCorrelation } from "@vigil/causal/citest";
import { residualCovariance } from "@vigil/causal/linalg";

const R = Float64Array.from([1, 0.5, 0.3, 0.2, 0.5, 1, 0.4, 0.1, 0.3, 0.4, 1, 0.25, 0.2, 0.1, 0.25, 1]);

test("first-order partial correlation matches the closed form", () => {
  const expected = (0.5 - 0.3 * 0.4) / Math.sqrt((1 - 0.3 ** 2) * (1 - 0.4 ** 2));
  assert.ok(Math.abs(partialCorrelation(R, 4, 0, 1, [2]) - expected) < 1e-14);
  assert.equal(partialCorrelation(R, 4, 0, 1, []), 0.5);
});

test("second-order partial correlation matches the recursive formula", () => {
  const r = (a: number, b: number, s: number[]): number => partialCorrelation(R, 4, a, b, s);
  const recursive =
    (r(0, 1, [2]) - r(0, 3, [2]) * r(1, 3, [2])) /
    Math.sqrt((1 - r(0, 3, [2]) ** 2) * (1 - r(1, 3, [2]) ** 2));
  assert.ok(Math.abs(r(0, 1, [2, 3]) - recursive) < 1e-13);
  assert.ok(Math.abs(r(0, 1, [3, 2]) - recursive) < 1e-13);
});

test("a conditioning variable duplicated exactly is skipped instead of breaking the factorisation", () => {
  const dup = Float64Array.from([1, 0.5, 0.3, 0.3, 0.5, 1, 0.4, 0.4, 0.3, 0.4, 1, 1, 0.3, 0.4, 1, 1]);
  assert.ok(
    Math.abs(partialCorrelation(dup, 4, 0, 1, [2, 3]) - partialCorrelation(dup, 4, 0, 1, [2])) < 1e-12,
  );
  const [xx] = residualCovariance(dup, 4, 0, 0, [2, 3]);
  assert.ok(Math.abs(xx - (1 - 0.09)) < 1e-12);
});
