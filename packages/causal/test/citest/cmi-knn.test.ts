import assert from "node:assert/strict";
import { test } from "node:test";
import { cmiKnnEstimate, cmiKnnTest } from "@vigil/causal/citest";
import { digammaTable } from "@vigil/causal/stats";
import { createRng } from "@vigil/core/random";

function chain(n: number, seed: number): { names: string[]; columns: Float64Array[] } {
  const rng = createRng(seed);
  const x = Float64Array.from({ length: n }, () => rng.normal());
  // nonlinear links: Fisher-z would miss the symmetric one, CMI does not
  const y = x.map((v) => v * v + 0.3 * rng.normal());
  const z = y.map((v) => Math.sin(v) + 0.3 * rng.normal());
  return { names: ["x", "y", "z"], columns: [x, y, z] };
}

test("KSG estimate of a bivariate Gaussian's mutual information is close to −½ ln(1 − ρ²)", () => {
  const rng = createRng(3);
  const n = 1500;
  const rho = 0.8;
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const y = x.map((v) => rho * v + Math.sqrt(1 - rho * rho) * rng.normal());
  const estimate = cmiKnnEstimate(x, y, [], 5, digammaTable(n + 1));
  const exact = -0.5 * Math.log(1 - rho * rho);
  assert.ok(Math.abs(estimate - exact) < 0.05, `estimate ${estimate} vs ${exact}`);
});

test("CMIknn detects a nonlinear dependence and the conditional independence of a chain's ends", () => {
  const data = chain(300, 11);
  const t = cmiKnnTest(data, { permutations: 99, seed: 5 });
  assert.ok(t.test(0, 1, []).pValue <= 0.01);
  assert.ok(t.test(1, 2, []).pValue <= 0.01);
  assert.ok(t.test(0, 2, [1]).pValue > 0.05);
  assert.equal(t.minPValue, 0.01);
});

test("results are reproducible for a seed and independent of the order of queries", () => {
  const data = chain(150, 2);
  const a = cmiKnnTest(data, { permutations: 30, seed: 9 });
  const b = cmiKnnTest(data, { permutations: 30, seed: 9 });
  const first = a.test(0, 2, [1]);
  b.test(0, 1, []);
  assert.deepEqual(b.test(2, 0, [1]), first);
});

test("misspelled options are rejected", () => {
  assert.throws(() => cmiKnnTest(chain(20, 1), { permutation: 10 } as never), /Unknown option "permutation"/);
});

test("kd-tree neighbour search gives exactly the brute-force statistics and p-values", () => {
  const data = chain(200, 4);
  const extra = createRng(8);
  const w = Float64Array.from({ length: 200 }, () => Math.round(3 * extra.normal()));
  const withTies = { names: [...data.names, "w"], columns: [...data.columns, w] };
  const kd = cmiKnnTest(withTies, { permutations: 20, seed: 3, neighbourSearch: "kdtree" });
  const brute = cmiKnnTest(withTies, { permutations: 20, seed: 3, neighbourSearch: "brute" });
  for (const [x, y, s] of [
    [0, 1, []],
    [0, 2, [1]],
    [0, 3, [1, 2]],
    [3, 2, [0]],
  ] as const) {
    assert.deepEqual(kd.test(x, y, s), brute.test(x, y, s), `${x} ${y} | ${s}`);
  }
});
