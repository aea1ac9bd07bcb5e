import assert from "node:assert/strict";
import { test } from "node:test";
import { computeMoments, correlationFromCovariance } from "@vigil/causal/data";
import { formatEdges } from "@vigil/causal/graph";
import { gaussianBic, hillClimb } from "@vigil/causal/score";
import { sampleLinearSem } from "@vigil/causal/simulate";

test("local BIC gain of one parent is −n/2·ln(1 − r²) − ½ ln n", () => {
  const r = 0.4;
  const n = 500;
  const bic = gaussianBic(Float64Array.from([1, r, r, 1]), n);
  const gain = bic.local(1, [0]) - bic.local(1, []);
  assert.ok(Math.abs(gain - (-0.5 * n * Math.log(1 - r * r) - 0.5 * Math.log(n))) < 1e-9);
});

test("hill climbing finds a collider's exact DAG (a v-structure is identifiable)", () => {
  const sem = {
    names: ["a", "b", "c", "d"],
    edges: [
      { from: 0, to: 2, weight: 0.8 },
      { from: 1, to: 2, weight: -0.8 },
      { from: 2, to: 3, weight: 0.7 },
    ],
    noise: Float64Array.from([1, 1, 1, 1]),
  };
  const data = sampleLinearSem(sem, 3000, 5);
  const m = computeMoments(data);
  const result = hillClimb(gaussianBic(correlationFromCovariance(m.covariance, 4), m.n), data.names);
  assert.equal(formatEdges(result.graph.edges()), ["a -> c", "b -> c", "c -> d"].join("\n"));
  assert.ok(result.steps >= 3);
});
