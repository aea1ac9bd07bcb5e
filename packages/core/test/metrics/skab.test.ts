import assert from "node:assert/strict";
import { test } from "node:test";
import { predictedChangepoints, skabChangepointScore, skabOutlierScores } from "../../src/metrics/index.ts";
import { NS_PER_SECOND } from "../../src/time/index.ts";

const seconds = (n: number) => BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * NS_PER_SECOND);

/** tsad's chp_score docstring: y_true = [0,0,0,1,0,0,0] at 1 s steps, window "3s", righter. */
function docExample(pred: number[]) {
  return skabChangepointScore(
    [
      {
        timestamps: seconds(7),
        changepoints: Uint8Array.from([0, 0, 0, 1, 0, 0, 0]),
        predicted: Uint8Array.from(pred),
      },
    ],
    { windowNs: 3n * NS_PER_SECOND },
  );
}
const rounded = (r: ReturnType<typeof docExample>) =>
  [r.profiles.standard.score, r.profiles.reward_low_FP.score, r.profiles.reward_low_FN.score].map(
    (x) => Math.round(x * 100) / 100,
  );

test("changepoint NAB reproduces tsad's documented examples", () => {
  assert.deepEqual(rounded(docExample([0, 0, 0, 0, 0, 0, 0])), [0, 0, 0]);
  assert.deepEqual(rounded(docExample([0, 0, 0, 0, 0, 0, 1])), [44.5, 39, 63]);
  assert.deepEqual(rounded(docExample([1, 0, 0, 0, 0, 0, 0])), [-5.5, -11, -3.67]);
  assert.deepEqual(rounded(docExample([1, 1, 1, 1, 1, 1, 1])), [83.5, 67, 89]);
  assert.deepEqual(rounded(docExample([0, 0, 0, 1, 0, 0, 0])), [100, 100, 100]);
  const all = docExample([1, 1, 1, 1, 1, 1, 1]);
  assert.equal(all.falsePositives, 3);
  assert.equal(all.missed, 0);
});

test("overlapping windows: the right one is cut to start where the left one ends", () => {
  // CPs at 0 s and 2 s with 3 s windows → [0, 3] and [3, 5]; a detection at 3 s ends the first window
  // (reward −A_FP) and opens the second (reward A_TP): raw 0.89, null −2, perfect 2.
  const r = skabChangepointScore(
    [
      {
        timestamps: seconds(7),
        changepoints: Uint8Array.from([1, 0, 1, 0, 0, 0, 0]),
        predicted: Uint8Array.from([0, 0, 0, 1, 0, 0, 0]),
      },
    ],
    { windowNs: 3n * NS_PER_SECOND },
  );
  assert.ok(Math.abs(r.profiles.standard.score - 72.25) < 1e-9, `${r.profiles.standard.score}`);
});

test("outlier F1/FAR/MAR over the confusion matrix summed across files", () => {
  const r = skabOutlierScores([
    { labels: Uint8Array.from([0, 0, 1, 1]), predictions: Uint8Array.from([0, 1, 1, 0]) },
    { labels: Uint8Array.from([0, 1, 1, 1]), predictions: Uint8Array.from([0, 1, 1, 1]) },
  ]);
  assert.deepEqual(r.counts, { tp: 4, fp: 1, tn: 2, fn: 1 });
  assert.equal(r.f1, 4 / 5);
  assert.ok(Math.abs(r.far - 100 / 3) < 1e-12);
  assert.equal(r.mar, 20);
});

test("predicted changepoints are the transitions of the outlier predictions", () => {
  assert.deepEqual(predictedChangepoints(Uint8Array.from([1, 1, 0, 0, 1])), Uint8Array.from([1, 0, 1, 0, 1]));
});
