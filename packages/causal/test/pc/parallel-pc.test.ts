import assert from "node:assert/strict";
import { test } from "node:test";
import { cmiKnnTest } from "@vigil/causal/citest";
import { formatEdges } from "@vigil/causal/graph";
import { pc, pcParallel } from "@vigil/causal/pc";
import { createRng } from "@vigil/core/random";

/** x → y ← w (a collider) and y → z, with nonlinear links. */
function collider(n: number) {
  const rng = createRng(21);
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const w = Float64Array.from({ length: n }, () => rng.normal());
  const y = x.map((v, i) => Math.tanh(2 * v) + 0.8 * (w[i] as number) + 0.3 * rng.normal());
  const z = y.map((v) => v * v + 0.3 * rng.normal());
  return { names: ["x", "w", "y", "z"], columns: [x, w, y, z] };
}

test("PC with CMIknn over 2 worker threads equals sequential PC: graph, sepsets, test count", async () => {
  const data = collider(160);
  const cmi = { permutations: 39, seed: 4 };
  const sequential = pc(cmiKnnTest(data, cmi), data.names, { alpha: 0.05 });
  const levels: number[] = [];
  const parallel = await pcParallel(data, {
    test: "cmiknn",
    cmi,
    alpha: 0.05,
    workers: 2,
    onProgress: (p) => levels.push(p.level),
  });
  assert.equal(formatEdges(parallel.edges), formatEdges(sequential.edges));
  assert.deepEqual([...parallel.sepsets].sort(), [...sequential.sepsets].sort());
  assert.equal(parallel.testsRun, sequential.testsRun);
  assert.ok(parallel.sepsets.size > 0 && levels[0] === 0);
  const inline = await pcParallel(data, { test: "cmiknn", cmi, alpha: 0.05, workers: 0 });
  assert.equal(formatEdges(inline.edges), formatEdges(sequential.edges));
});

test("an alpha the permutation test cannot reach, and bad worker counts, are errors", async () => {
  const data = collider(50);
  await assert.rejects(pcParallel(data, { cmi: { permutations: 9 }, alpha: 0.01 }), /cannot return p-values/);
  await assert.rejects(pcParallel(data, { workers: -1 }), /workers/);
});
