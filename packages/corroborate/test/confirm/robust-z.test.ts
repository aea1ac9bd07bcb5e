import assert from "node:assert/strict";
import { test } from "node:test";
import {
  MAD_TO_SIGMA,
  RobustZScorer,
  robustZScores,
  robustZScoresByRecomputation,
} from "../../src/confirm/index.ts";

test("the MAD constant is 1/Φ⁻¹(3/4), not the paper's 1.4286", () => {
  // Φ⁻¹(3/4) = 0.6744897501960817
  assert.ok(Math.abs(MAD_TO_SIGMA * 0.6744897501960817 - 1) < 1e-15);
});

test("scores a value against the median and MAD of the previous l values", () => {
  // l = 3: x = 1, 2, 3, 4, 5, 6, then 10. μ̂ before 10 = median(4,5,6) = 5; residuals of 4, 5, 6 against
  // their own lagged medians (2, 3, 4 ⇒ μ̂ = 2, 3, 4 … ) are 2, 2, 2 ⇒ σ̂ = 2k ⇒ a = 5 / (2k).
  const scorer = new RobustZScorer(3);
  const scores = [1, 2, 3, 4, 5, 6, 10].map((x) => scorer.push(x));
  assert.deepEqual(scores.slice(0, 6).map(Number.isNaN), [true, true, true, true, true, true]);
  assert.ok(Math.abs(scores[6]! - 5 / (2 * MAD_TO_SIGMA)) < 1e-12);
});

test("streaming equals per-window recomputation, NaNs skipped", () => {
  let s = 9;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const x = Float64Array.from({ length: 3000 }, (_, i) =>
    i % 97 === 0 ? Number.NaN : rand() + (i > 2000 ? 3 : 0),
  );
  const fast = robustZScores(x, 50);
  const slow = robustZScoresByRecomputation(x, 50);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(slow[i]!)) assert.ok(Number.isNaN(fast[i]!), `index ${i}`);
    else assert.ok(Math.abs(fast[i]! - slow[i]!) <= 1e-12 * Math.max(1, slow[i]!), `index ${i}`);
  }
});

test("a constant history gives 0 for the same value and ∞ for a change", () => {
  const scorer = new RobustZScorer(2);
  for (let i = 0; i < 4; i++) scorer.push(1);
  assert.equal(scorer.push(1), 0);
  assert.equal(scorer.push(2), Number.POSITIVE_INFINITY);
});
