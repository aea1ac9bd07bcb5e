import assert from "node:assert/strict";
import { test } from "node:test";
import { Pdag } from "@vigil/causal/graph";
import { rankRootCauses } from "@vigil/causal/rootcause";

const directed = (names: string[], edges: [string, string][]): Pdag =>
  Pdag.fromEdges(
    names,
    edges.map(([from, to]) => ({ from, to, kind: "directed" as const })),
  );

test("the upstream anomalous node ranks first even when its effects score higher", () => {
  const g = directed(
    ["A", "B", "C", "D"],
    [
      ["A", "B"],
      ["B", "C"],
      ["D", "C"],
    ],
  );
  const ranked = rankRootCauses(g, { A: 2, B: 5, C: 9, D: 0.1 });
  assert.deepEqual(
    ranked.map((r) => r.channel),
    ["A", "B", "C", "D"],
  );
  assert.deepEqual(
    ranked.map((r) => r.root),
    [true, false, false, false],
  );
  assert.ok(Math.abs(ranked.reduce((s, r) => s + r.walkScore, 0) - 1) < 1e-12);
});

test("two candidate roots are ordered by the evidence-weighted walk towards causes", () => {
  // R1 drives three anomalous effects, R2 one: walks from effects end at R1 more often
  const g = directed(
    ["R1", "R2", "E1", "E2", "E3", "E4"],
    [
      ["R1", "E1"],
      ["R1", "E2"],
      ["R1", "E3"],
      ["R2", "E4"],
    ],
  );
  const ranked = rankRootCauses(g, { R1: 2, R2: 2, E1: 3, E2: 3, E3: 3, E4: 3 });
  assert.deepEqual(
    ranked.slice(0, 2).map((r) => r.channel),
    ["R1", "R2"],
  );
  assert.ok((ranked[0]?.walkScore ?? 0) > (ranked[1]?.walkScore ?? 0));
});

test("the walk score matches a hand-computed two-node stationary distribution", () => {
  // A → B, evidence 1 and 1, restart 0.5: s_A = 0.25 + 0.5(s_A + s_B), s_B = 0.25 ⇒ s_A = 0.75
  const ranked = rankRootCauses(directed(["A", "B"], [["A", "B"]]), { A: 1, B: 1 }, { restart: 0.5 });
  assert.ok(Math.abs((ranked[0]?.walkScore ?? 0) - 0.75) < 1e-12);
});

test("missing or negative evidence and unknown channels are errors", () => {
  const g = directed(["A", "B"], [["A", "B"]]);
  assert.throws(() => rankRootCauses(g, { A: 1 }), /channel "B"/);
  assert.throws(() => rankRootCauses(g, { A: 1, B: -1 }), /non-negative/);
  assert.throws(() => rankRootCauses(g, { A: 1, B: 1, Z: 1 }), /Unknown variable "Z"/);
});

test("a quiet source node does not soak up the walk from a strongly anomalous node below it", () => {
  // S → M → E with M the fault: nothing crosses the threshold, so only the walk decides
  const g = directed(
    ["S", "M", "E"],
    [
      ["S", "M"],
      ["M", "E"],
    ],
  );
  const ranked = rankRootCauses(g, { S: 0.1, M: 2.2, E: 1.2 }, { threshold: 3 });
  assert.equal(ranked[0]?.channel, "M");
  assert.ok((ranked[0]?.walkScore ?? 0) > 0.5);
});
