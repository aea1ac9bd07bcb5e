import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../../src/random/index.ts";
import { mad, median, rollingMad, rollingMedian } from "../../src/stats/index.ts";

/** The naive reference: re-compute over each window. */
function naive(
  values: Float64Array,
  window: number,
  minPeriods: number,
  f: (w: Float64Array) => number,
): Float64Array {
  return Float64Array.from(values, (_, i) => {
    const w = values.subarray(Math.max(0, i - window + 1), i + 1);
    return w.filter((v) => !Number.isNaN(v)).length >= minPeriods ? f(w) : Number.NaN;
  });
}

test("rolling median and MAD equal the naive recomputation, with ties and NaN", () => {
  const rng = createRng(21);
  for (const window of [1, 2, 5, 16, 33]) {
    const values = Float64Array.from({ length: 400 }, () =>
      rng.next() < 0.1 ? Number.NaN : rng.int(12) + rng.normal() * (rng.next() < 0.5 ? 0 : 1),
    );
    const minPeriods = Math.min(window, 3);
    assert.deepEqual(
      rollingMedian(values, { window, minPeriods }),
      naive(values, window, minPeriods, median),
    );
    assert.deepEqual(
      rollingMad(values, { window, minPeriods }),
      naive(values, window, minPeriods, (w) => mad(w)),
    );
    assert.deepEqual(
      rollingMad(values, { window, minPeriods, scaled: true }),
      naive(values, window, minPeriods, (w) => mad(w, { scaled: true })),
    );
  }
});

test("rolling median follows a step after half a window; edges and validation", () => {
  const step = Float64Array.from({ length: 20 }, (_, i) => (i < 10 ? 0 : 1));
  const out = rollingMedian(step, { window: 5 });
  assert.equal(out[11], 0);
  assert.equal(out[12], 1);
  assert.deepEqual([...rollingMedian([3, 1, 2], { window: 3 })], [3, 2, 2]);
  assert.ok(Number.isNaN(rollingMedian([1, 2], { window: 3, minPeriods: 2 })[0]!));
  assert.throws(() => rollingMedian([1], { window: 0 }), /positive integer for window/);
  assert.throws(() => rollingMedian([1], { window: 2, minPeriods: 3 }), /minPeriods/);
});
