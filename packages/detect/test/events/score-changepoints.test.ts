import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createRng } from "@vigil/core/random";
import { scoreChangepoints, scoreRegimePrior } from "@vigil/detect/events";

/** Positive, right-skewed scores (exp of Gaussian noise) whose log-level steps to `levels[k]` at `starts[k]`. */
function skewedScores(length: number, starts: number[], levels: number[], seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, (_, i) => {
    let level = 0;
    starts.forEach((s, k) => {
      if (i >= s) level = levels[k]!;
    });
    return Math.exp(level + 0.3 * rng.normal());
  });
}

describe("scoreChangepoints", () => {
  test("finds the onset, build-up, recovery and end of a fault in the score, near where each happened", () => {
    const reference = skewedScores(400, [], [], 1);
    const scores = skewedScores(1000, [300, 360, 600, 660], [2, 4, 2, 0], 2);
    const found = scoreChangepoints(scores, scoreRegimePrior(reference));
    for (const truth of [300, 360, 600, 660])
      assert.ok(
        found.some((i) => Math.abs(i - truth) <= 3),
        `a changepoint within 3 steps of ${truth}: ${found}`,
      );
    assert.ok(found.length <= 6, `few spurious changepoints: ${found}`);
  });

  test("a second jump between two abnormal levels is its own change, not absorbed by the first", () => {
    // Normal, then 10 steps at one abnormal level, 30 at a higher one, normal again (small deterministic noise).
    const noise = (i: number) => 0.2 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    const level = (i: number) => (i < 300 || i >= 340 ? 0 : i < 310 ? 2 : 4);
    const scores = Float64Array.from({ length: 400 }, (_, i) => Math.exp(level(i) + noise(i)));
    const prior = scoreRegimePrior(scores.subarray(0, 300));
    assert.deepEqual(scoreChangepoints(scores, prior), [300, 310, 340]);
    // Weighting the prior mean as one observation lets the first abnormal run's variance swallow the second jump.
    assert.deepEqual(scoreChangepoints(scores, prior, { meanPriorWeight: 1 }), [300, 340]);
  });

  test("stationary scores like the reference give far fewer changepoints than the prior expects, in any units", () => {
    const reference = skewedScores(400, [], [], 3);
    const scores = skewedScores(2000, [], [], 4);
    const found = scoreChangepoints(scores, scoreRegimePrior(reference));
    // The hazard 1/250 expects 8 changes in 2,000 steps a priori; the data should talk it out of most of them.
    assert.ok(found.length <= 3, `${found}`);
    const scaled = (xs: Float64Array) => xs.map((x) => 1000 * x + 5);
    assert.deepEqual(scoreChangepoints(scaled(scores), scoreRegimePrior(scaled(reference))), found);
    const shifted = skewedScores(1000, [500], [3], 5);
    assert.deepEqual(
      scoreChangepoints(scaled(shifted), scoreRegimePrior(scaled(reference))),
      scoreChangepoints(shifted, scoreRegimePrior(reference)),
    );
  });

  test("leading NaNs are skipped (indices stay those of the input) and an interior NaN starts no regime", () => {
    const reference = skewedScores(400, [], [], 6);
    const scores = skewedScores(800, [400], [3], 7);
    const withGaps = Float64Array.from(scores, (s, i) => (i < 50 || i === 200 ? Number.NaN : s));
    const found = scoreChangepoints(withGaps, scoreRegimePrior(reference));
    assert.ok(found.length >= 1 && Math.abs(found[0]! - 400) <= 3, `${found}`);
    assert.ok(!found.includes(200) && !found.includes(201), `${found}`);
    assert.deepEqual(
      scoreChangepoints(new Float64Array(5).fill(Number.NaN), scoreRegimePrior(reference)),
      [],
    );
  });

  test("options are checked by name", () => {
    const prior = scoreRegimePrior([1, 2]);
    assert.throws(() => scoreChangepoints([1, 2], prior, { threshold: 2 }), /threshold/);
    assert.throws(() => scoreChangepoints([1, 2], prior, { lag: 0 }), /lag/);
    assert.throws(() => scoreChangepoints([1, 2], prior, { meanPriorWeight: 0 }), /meanPriorWeight/);
    assert.throws(() => scoreChangepoints([1, 2], prior, { hazard: 5 } as never), /hazard/);
    assert.throws(() => scoreRegimePrior([Number.NaN]), /reference scores/);
  });
});
