import assert from "node:assert/strict";
import { test } from "node:test";
import type { CITest } from "@vigil/causal/citest";
import { fisherZTest } from "@vigil/causal/citest";
import { dagToCpdag, dSeparated, formatEdges, Pdag } from "@vigil/causal/graph";
import { compareGraphs } from "@vigil/causal/metrics";
import { pc } from "@vigil/causal/pc";
import { randomLinearSem, sampleLinearSem, semDag } from "@vigil/causal/simulate";

/** A perfect CI test: p = 1 when d-separated in the DAG, 0 otherwise. */
function oracle(dag: Pdag): CITest {
  return {
    name: "oracle",
    variables: dag.size,
    test: (x, y, s) => ({ pValue: dSeparated(dag, x, y, s) ? 1 : 0, statistic: 0 }),
  };
}

test("with a d-separation oracle PC returns exactly the CPDAG of random DAGs", () => {
  for (let seed = 1; seed <= 15; seed++) {
    const dag = semDag(randomLinearSem({ variables: 9, expectedDegree: 2.5, seed }));
    const result = pc(oracle(dag), dag.names);
    assert.equal(formatEdges(result.edges), formatEdges(dagToCpdag(dag).edges()), `seed ${seed}`);
    assert.equal(result.conflicts.length, 0);
  }
});

test("the skeleton does not depend on the order of the variables (PC-stable)", () => {
  const sem = randomLinearSem({ variables: 10, expectedDegree: 3, seed: 4 });
  const data = sampleLinearSem(sem, 300, 4);
  const order = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4];
  const shuffled = {
    names: order.map((i) => data.names[i] as string),
    columns: order.map((i) => data.columns[i] as Float64Array),
  };
  const skeleton = (edges: readonly { from: string; to: string }[]): string[] =>
    edges.map((e) => [e.from, e.to].sort().join("-")).sort();
  const a = pc(fisherZTest(data), data.names, { alpha: 0.05 });
  const b = pc(fisherZTest(shuffled), shuffled.names, { alpha: 0.05 });
  assert.deepEqual(skeleton(a.edges), skeleton(b.edges));
});

test("Fisher-z PC recovers linear-Gaussian SEMs' CPDAGs from 5,000 rows (mean SHD over 5 SEMs)", () => {
  const shds: number[] = [];
  const progress: number[] = [];
  for (let seed = 21; seed < 26; seed++) {
    const sem = randomLinearSem({ variables: 8, expectedDegree: 2, seed });
    const data = sampleLinearSem(sem, 5000, seed);
    progress.length = 0;
    const result = pc(fisherZTest(data), data.names, {
      alpha: 0.01,
      onProgress: (p) => progress.push(p.level),
    });
    shds.push(compareGraphs(result.graph, dagToCpdag(semDag(sem))).shd);
    assert.deepEqual(
      progress,
      progress.map((_, i) => i),
    );
  }
  assert.ok(shds.reduce((a, b) => a + b, 0) / shds.length <= 1, `SHDs ${shds.join(", ")}`);
});

test("conflicting v-structures are reported and left bidirected", () => {
  // a ⟂ c and b ⟂ d marginally on the path a – b – c – d: b and c are both colliders, so b–c gets two heads
  const pairs = new Set(["0,2", "1,3", "0,3"]);
  const t: CITest = {
    name: "table",
    variables: 4,
    test: (x, y, s) => ({
      pValue: s.length === 0 && pairs.has(`${Math.min(x, y)},${Math.max(x, y)}`) ? 1 : 0,
      statistic: 0,
    }),
  };
  const result = pc(t, ["a", "b", "c", "d"]);
  assert.equal(formatEdges(result.edges), ["a -> b", "b <-> c", "d -> c"].join("\n"));
  assert.equal(result.conflicts.length, 1);
  assert.deepEqual(result.conflicts[0]?.between, ["b", "c"]);
  assert.equal(result.conflicts[0]?.reasons.length, 2);
});

test("background knowledge: required edges stay, tiers orient, forbidden pairs vanish", () => {
  const dag = new Pdag(["a", "b", "c"]);
  dag.orient(0, 1);
  dag.orient(1, 2);
  const noisy: CITest = { ...oracle(dag), test: (x, y, s) => oracle(dag).test(x, y, s) };
  const plain = pc(noisy, dag.names);
  assert.equal(formatEdges(plain.edges), "a -- b\nb -- c");
  const tiered = pc(noisy, dag.names, { knowledge: { tiers: [["a"], ["b"], ["c"]] } });
  assert.equal(formatEdges(tiered.edges), "a -> b\nb -> c");
  const required = pc(noisy, dag.names, { knowledge: { required: [["c", "a"]] } });
  assert.match(formatEdges(required.edges), /c -> a/);
  const forbidden = pc(noisy, dag.names, {
    knowledge: {
      forbidden: [
        ["a", "b"],
        ["b", "a"],
      ],
    },
  });
  assert.equal(formatEdges(forbidden.edges), "b -- c");
  assert.throws(
    () => pc(noisy, dag.names, { knowledge: { required: [["a", "b"]], forbidden: [["a", "b"]] } }),
    /both required and forbidden/,
  );
});

test("bad options are rejected with their names", () => {
  const dag = new Pdag(["a", "b"]);
  assert.throws(() => pc(oracle(dag), dag.names, { alpah: 0.1 } as never), /Unknown option "alpah"/);
  assert.throws(() => pc(oracle(dag), dag.names, { alpha: 2 }), /alpha/);
  assert.throws(() => pc(oracle(dag), ["a"]), /covers 2 variables/);
});
