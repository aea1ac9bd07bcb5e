import assert from "node:assert/strict";
import { test } from "node:test";
import { formatTick, linearTicks, niceTicks } from "@vigil/core/plot";

test("numeric ticks are 1, 2 or 5 × 10^k apart and inside the range", () => {
  assert.deepEqual(niceTicks(0.3, 9.7, 5), [2, 4, 6, 8]);
  assert.deepEqual(niceTicks(-1, 1, 4), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(niceTicks(0, 1, 10), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  assert.deepEqual(niceTicks(1200, 4900, 4), [2000, 3000, 4000]);
  assert.deepEqual(niceTicks(-0.0032, -0.0011, 4), [-0.003, -0.002]);
  assert.deepEqual(niceTicks(-0.0032, -0.0011, 8), [-0.003, -0.0025, -0.002, -0.0015]);
});

test("degenerate ranges give one tick or none, never an endless loop", () => {
  assert.deepEqual(niceTicks(5, 5), [5]);
  assert.deepEqual(niceTicks(Number.NaN, 1), []);
  assert.deepEqual(niceTicks(0, Number.POSITIVE_INFINITY), [0]);
  // A span far below the values' float resolution cannot be stepped through by adding.
  assert.deepEqual(niceTicks(1e15, 1e15 + 0.1, 5), [1e15, 1e15 + 0.1]);
});

test("tick labels use the decimals their step needs", () => {
  assert.equal(formatTick(0.5, 0.5), "0.5");
  assert.equal(formatTick(1500, 500), "1500");
  assert.equal(formatTick(0.25, 0.05), "0.25");
  assert.equal(formatTick(2e-5, 1e-5), "2.0e-5");
  assert.equal(formatTick(1.2e9, 2e8), "1.2e+9");
  assert.deepEqual(
    linearTicks(0, 1, 5).map((t) => t.label),
    ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"],
  );
});
