import assert from "node:assert/strict";
import { test } from "node:test";
import type { DataMatrix } from "@vigil/causal/data";
import { formatEdges } from "@vigil/causal/graph";
import { additiveBic, additiveHillClimb, centredSplineBasis, hillClimb } from "@vigil/causal/score";
import { createRng } from "@vigil/core/random";

/** a ~ U(−2, 2); b = a² + ε; c = sin(1.5·b) + ε; d = 0.6·a + tanh(c) + ε, ε ~ N(0, 0.3²). */
function nonlinearScm(n: number, seed: number): DataMatrix {
  const rng = createRng(seed);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = -2 + 4 * rng.uniform();
    b[i] = (a[i] as number) ** 2 + 0.3 * rng.normal();
    c[i] = Math.sin(1.5 * (b[i] as number)) + 0.3 * rng.normal();
    d[i] = 0.6 * (a[i] as number) + Math.tanh(c[i] as number) + 0.3 * rng.normal();
  }
  return { names: ["a", "b", "c", "d"], columns: [a, b, c, d] };
}

test("the centred cubic spline basis reproduces a cubic polynomial exactly", () => {
  const rng = createRng(3);
  const x = Float64Array.from({ length: 400 }, () => rng.normal());
  const y = x.map((v) => v ** 3 - 2 * v);
  const data = { names: ["x", "y"], columns: [x, y] };
  const score = additiveBic(data, { interiorKnots: 3 });
  // a perfect fit drives the residual to rounding level, so the gain dwarfs any noisy relation
  assert.ok(score.local(1, [0]) - score.local(1, []) > 2000);
  assert.equal(centredSplineBasis(x, 3).length, 6);
  for (const column of centredSplineBasis(x, 3))
    assert.ok(Math.abs(column.reduce((s, v) => s + v, 0)) < 1e-9);
});

test("an independent parent costs its BIC penalty; a dependent one gains", () => {
  const data = nonlinearScm(1000, 1);
  const score = additiveBic(data, { interiorKnots: 2 });
  const rng = createRng(9);
  const noise = {
    names: ["a", "z"],
    columns: [data.columns[0] as Float64Array, Float64Array.from({ length: 1000 }, () => rng.normal())],
  };
  const independent = additiveBic(noise, { interiorKnots: 2 });
  assert.ok(independent.local(1, [0]) < independent.local(1, []));
  assert.ok(score.local(1, [0]) - score.local(1, []) > 100);
});

test("tabu search over the additive BIC recovers a nonlinear SCM, directions included", () => {
  const data = nonlinearScm(1500, 2);
  const result = additiveHillClimb(data);
  assert.equal(formatEdges(result.graph.edges()), ["a -> b", "a -> d", "b -> c", "c -> d"].join("\n"));
});

test("tabu search never ends below greedy hill climbing on the same score", () => {
  const data = nonlinearScm(600, 4);
  const score = additiveBic(data, { interiorKnots: 1 });
  const greedy = hillClimb(score, data.names);
  const tabu = hillClimb(score, data.names, { tabuLength: 10, tabuPatience: 10 });
  assert.ok(tabu.score >= greedy.score - 1e-9);
  assert.ok(tabu.steps > greedy.steps);
});

test("background knowledge: required edges stay, forbidden directions never appear", () => {
  const data = nonlinearScm(800, 5);
  const result = additiveHillClimb(data, {
    knowledge: { required: [["d", "c"]], forbidden: [["a", "b"]] },
  });
  const edges = formatEdges(result.graph.edges()).split("\n");
  assert.ok(edges.includes("d -> c"));
  assert.ok(!edges.includes("a -> b"));
  assert.throws(() => additiveHillClimb(data, { knowledge: {}, tabuLength: -1 }), /tabuLength/);
});

test("a constant column is a parent that neither explains nor costs; too few rows is an error", () => {
  const data = nonlinearScm(300, 6);
  const constant = { names: [...data.names, "k"], columns: [...data.columns, new Float64Array(300).fill(4)] };
  const score = additiveBic(constant, { interiorKnots: 2 });
  assert.equal(score.local(1, [4]), score.local(1, []));
  assert.ok(Number.isFinite(score.local(4, [0, 1])));
  const result = additiveHillClimb(constant, { interiorKnots: 2 });
  assert.equal(result.graph.neighbours(4).length, 0);
  const tiny = { names: ["a", "b"], columns: [Float64Array.from([1, 2, 3]), Float64Array.from([2, 1, 3])] };
  assert.throws(() => additiveBic(tiny, { interiorKnots: 1 }), /3 rows cannot support 1 interior knots/);
});
