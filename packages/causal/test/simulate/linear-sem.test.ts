import assert from "node:assert/strict";
import { test } from "node:test";
import { computeMoments } from "@vigil/causal/data";
import { randomLinearSem, sampleLinearSem, semDag } from "@vigil/causal/simulate";

test("a sampled two-node SEM has the implied covariance", () => {
  const sem = {
    names: ["x", "y"],
    edges: [{ from: 0, to: 1, weight: 2 }],
    noise: Float64Array.from([1, 0.5]),
  };
  const m = computeMoments(sampleLinearSem(sem, 20000, 1));
  // var x = 1, cov = 2, var y = 4 + 0.25
  assert.ok(Math.abs((m.covariance[0] as number) - 1) < 0.04);
  assert.ok(Math.abs((m.covariance[1] as number) - 2) < 0.08);
  assert.ok(Math.abs((m.covariance[3] as number) - 4.25) < 0.17);
});

test("random SEMs are deterministic for a seed and acyclic by construction", () => {
  const a = randomLinearSem({ variables: 12, seed: 5 });
  assert.deepEqual(randomLinearSem({ variables: 12, seed: 5 }), a);
  assert.ok(a.edges.every((e) => e.from < e.to && Math.abs(e.weight) >= 0.5 && Math.abs(e.weight) <= 1.5));
  assert.equal(semDag(a).edgeCount(), a.edges.length);
  assert.throws(() => randomLinearSem({ variables: 3, seeed: 1 } as never), /Unknown option/);
});
