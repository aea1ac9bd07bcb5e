import assert from "node:assert/strict";
import { test } from "node:test";
import { Pdag } from "@vigil/causal/graph";
import { compareGraphs } from "@vigil/causal/metrics";

const names = ["a", "b", "c", "d", "e"];
const truth = Pdag.fromEdges(names, [
  { from: "a", to: "b", kind: "directed" },
  { from: "b", to: "c", kind: "directed" },
  { from: "c", to: "d", kind: "directed" },
  { from: "a", to: "e", kind: "directed" },
]);

test("SHD counts a reversed, an unoriented, a missing and an extra edge once each", () => {
  const predicted = Pdag.fromEdges(names, [
    { from: "a", to: "b", kind: "directed" }, // correct
    { from: "c", to: "b", kind: "directed" }, // reversed
    { from: "c", to: "d", kind: "undirected" }, // unoriented
    { from: "b", to: "d", kind: "directed" }, // extra; a → e missing
  ]);
  const c = compareGraphs(predicted, truth);
  assert.deepEqual(
    {
      shd: c.shd,
      tp: c.tp,
      reversed: c.reversed,
      missing: c.missing,
      extra: c.extra,
      unoriented: c.unoriented,
    },
    { shd: 4, tp: 1, reversed: 1, missing: 1, extra: 1, unoriented: 1 },
  );
  assert.equal(c.fdr, 3 / 4);
  assert.equal(c.skeletonPrecision, 3 / 4);
  assert.equal(c.skeletonRecall, 3 / 4);
  assert.equal(c.skeletonF1, 3 / 4);
});

test("the empty graph scores SHD = number of true edges", () => {
  const c = compareGraphs(new Pdag(names), truth);
  assert.equal(c.shd, 4);
  assert.equal(c.fdr, 0);
  assert.equal(c.skeletonF1, 0);
});

test("graphs over different variables cannot be compared", () => {
  assert.throws(() => compareGraphs(new Pdag(["a", "b"]), truth), /variables differ/);
});
