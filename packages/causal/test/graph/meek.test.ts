import assert from "node:assert/strict";
import { test } from "node:test";
import { applyMeekRules, dagToCpdag, formatEdges, Pdag, toDot, toSvg } from "@vigil/causal/graph";

test("rule 1: a → b — c with a, c non-adjacent orients b → c", () => {
  const g = new Pdag(["a", "b", "c"]);
  g.orient(0, 1);
  g.addUndirected(1, 2);
  applyMeekRules(g);
  assert.ok(g.isDirected(1, 2));
});

test("rule 2: a → b → c with a — c orients a → c", () => {
  const g = new Pdag(["a", "b", "c"]);
  g.orient(0, 1);
  g.orient(1, 2);
  g.addUndirected(0, 2);
  applyMeekRules(g);
  assert.ok(g.isDirected(0, 2));
});

test("rule 3: two non-adjacent parents of b, both undirected to a, orient a → b", () => {
  const g = new Pdag(["a", "b", "c", "d"]);
  g.addUndirected(0, 1);
  g.addUndirected(0, 2);
  g.addUndirected(0, 3);
  g.orient(2, 1);
  g.orient(3, 1);
  applyMeekRules(g);
  assert.ok(g.isDirected(0, 1));
  assert.ok(g.isUndirected(0, 2));
});

test("a vetoed orientation stays undirected", () => {
  const g = new Pdag(["a", "b", "c"]);
  g.orient(0, 1);
  g.addUndirected(1, 2);
  applyMeekRules(g, (i, j) => !(i === 1 && j === 2));
  assert.ok(g.isUndirected(1, 2));
});

test("CPDAG of a DAG keeps v-structures and what they imply, nothing else", () => {
  const dag = new Pdag(["a", "b", "c", "d", "e"]);
  dag.orient(0, 2); // a → c ← b is a v-structure
  dag.orient(1, 2);
  dag.orient(2, 3); // implied by rule 1
  dag.orient(4, 0); // e → a: reversible
  const cpdag = dagToCpdag(dag);
  assert.equal(formatEdges(cpdag.edges()), ["a -> c", "a -- e", "b -> c", "c -> d"].join("\n"));
});

test("DOT and SVG render every node and edge", () => {
  const g = new Pdag(["a", "b", 'c"q']);
  g.orient(0, 1);
  g.addUndirected(1, 2);
  const dot = toDot(g.names, g.edges());
  assert.match(dot, /"a" -> "b";/);
  assert.match(dot, /"b" -> "c\\"q" \[dir=none\];/);
  const svg = toSvg(g.names, g.edges());
  assert.equal((svg.match(/<rect /g) ?? []).length, 3);
  assert.equal((svg.match(/<line /g) ?? []).length, 2);
  assert.match(svg, /c&quot;q/);
});
