import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "@vigil/core/random";
import { MAD_TO_SIGMA, robustZScores, robustZScoresByRecomputation } from "../../src/confirm/index.ts";

/** Bit-for-bit equality, NaN included (±0 cannot occur: scores are |r| / σ̂ ≥ 0). */
function assertIdentical(fast: Float64Array, slow: Float64Array, label: string): void {
  assert.equal(fast.length, slow.length);
  for (let i = 0; i < fast.length; i++)
    assert.ok(Object.is(fast[i], slow[i]), `${label} index ${i}: ${fast[i]} vs ${slow[i]}`);
}

test("the MAD constant is 1/Φ⁻¹(3/4), not the paper's 1.4286", () => {
  // Φ⁻¹(3/4) = 0.6744897501960817
  assert.ok(Math.abs(MAD_TO_SIGMA * 0.6744897501960817 - 1) < 1e-15);
});

test("scores a value against the median and MAD of the previous l values", () => {
  // l = 3: x = 1, 2, 3, 4, 5, 6, then 10. μ̂ before 10 = median(4, 5, 6) = 5; the residuals of 4, 5, 6
  // against their own lagged medians (2, 3, 4 ⇒ μ̂ = 2, 3, 4 …) are 2, 2, 2 ⇒ σ̂ = 2k ⇒ a = 5 / (2k).
  const scores = robustZScores(Float64Array.of(1, 2, 3, 4, 5, 6, 10), { windowLength: 3 });
  assert.deepEqual(Array.from(scores.subarray(0, 6), Number.isNaN), [true, true, true, true, true, true]);
  assert.ok(Math.abs(scores[6]! - 5 / (2 * MAD_TO_SIGMA)) < 1e-12);
});

test("a constant history gives 0 for the same value and ∞ for a change", () => {
  const scores = robustZScores(Float64Array.of(1, 1, 1, 1, 1, 2), { windowLength: 2 });
  assert.equal(scores[4], 0);
  assert.equal(scores[5], Number.POSITIVE_INFINITY);
});

test("sliding scores are bit-identical to per-window recomputation", () => {
  const rand = createRng(9).next;
  const n = 1300;
  const gaps = (v: number, i: number) =>
    i % 97 === 0 ? Number.NaN : i % 211 === 0 ? Number.POSITIVE_INFINITY : v;
  const signals: Record<string, Float64Array> = {
    "noise with a shift, NaN and ∞ skipped": Float64Array.from({ length: n }, (_, i) =>
      gaps(rand() + (i > 900 ? 3 : 0), i),
    ),
    "integer ties": Float64Array.from({ length: n }, (_, i) => gaps(Math.floor(rand() * 4), i)),
    "mostly constant (σ̂ = 0)": Float64Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 1 : 0)),
    "ramp with bursts": Float64Array.from({ length: n }, (_, i) => i * 0.01 + (i % 300 > 250 ? 5 : 0)),
  };
  const sparse = Uint8Array.from({ length: n }, () => (rand() < 0.02 ? 1 : 0));
  const blocks = Uint8Array.from({ length: n }, (_, i) => (i % 400 < 30 ? 1 : 0));
  const wanted: Record<string, Uint8Array | undefined> = {
    everywhere: undefined,
    sparse,
    blocks,
    nowhere: new Uint8Array(n),
  };
  for (const l of [1, 2, 3, 8, 41, 100, 300]) {
    for (const [label, x] of Object.entries(signals)) {
      for (const [where, mask] of Object.entries(wanted)) {
        const options = { windowLength: l, wanted: mask };
        assertIdentical(
          robustZScores(x, options),
          robustZScoresByRecomputation(x, options),
          `l=${l} ${label} wanted ${where}`,
        );
      }
    }
  }
});

test("window edges: a signal of 2l values has no score, 2l + 1 has exactly one", () => {
  const rand = createRng(4).next;
  for (const l of [1, 5, 60]) {
    for (const n of [0, 1, 2 * l - 1, 2 * l, 2 * l + 1, 2 * l + 2]) {
      const x = Float64Array.from({ length: n }, () => rand());
      const fast = robustZScores(x, { windowLength: l });
      assertIdentical(fast, robustZScoresByRecomputation(x, { windowLength: l }), `l=${l} n=${n}`);
      assert.equal(fast.filter((s) => !Number.isNaN(s)).length, Math.max(0, n - 2 * l), `l=${l} n=${n}`);
    }
  }
});

test("options are checked", () => {
  const x = new Float64Array(10);
  assert.throws(() => robustZScores(x, { windowLength: 0 }), /positive integer for windowLength/);
  assert.throws(() => robustZScores(x, { wanted: new Uint8Array(3) }), /wanted/);
  assert.throws(() => robustZScores(x, { window: 3 } as never), /Unknown option "window"/);
});
