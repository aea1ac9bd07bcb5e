import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { exactSearch, hillClimb, type LocalScore } from "@vigil/causal";
import { createRng } from "@vigil/core/random";

/** An arbitrary decomposable score: a seeded random value per (child, parent set), bigger sets costing more. */
function randomScore(p: number, seed: number): LocalScore {
  const rng = createRng(seed);
  const table = new Map<string, number>();
  for (let j = 0; j < p; j++)
    for (let mask = 0; mask < 1 << p; mask++)
      if (!(mask & (1 << j))) table.set(`${j}|${mask}`, rng.normal() - 0.3 * popcount(mask));
  return {
    variables: p,
    local: (j, parents) => table.get(`${j}|${parents.reduce((m, i) => m | (1 << i), 0)}`) as number,
  };
}

function popcount(mask: number): number {
  let n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}

/** Every assignment of parent sets, kept when acyclic: the maximum by enumeration. */
function bruteForce(
  score: LocalScore,
  allowedMask: (j: number, mask: number) => boolean = () => true,
): number {
  const p = score.variables;
  let best = -Infinity;
  const parents = new Array<number>(p).fill(0);
  const acyclic = (): boolean => {
    let placed = 0;
    for (let round = 0; round < p; round++) {
      let progressed = false;
      for (let j = 0; j < p; j++)
        if (!(placed & (1 << j)) && (parents[j]! & ~placed) === 0) {
          placed |= 1 << j;
          progressed = true;
        }
      if (!progressed) break;
    }
    return placed === (1 << p) - 1;
  };
  const visit = (j: number, total: number): void => {
    if (j === p) {
      if (acyclic() && total > best) best = total;
      return;
    }
    for (let mask = 0; mask < 1 << p; mask++) {
      if (mask & (1 << j) || !allowedMask(j, mask)) continue;
      parents[j] = mask;
      const ps = [...Array(p).keys()].filter((i) => mask & (1 << i));
      visit(j + 1, total + score.local(j, ps));
    }
  };
  visit(0, 0);
  return best;
}

const names = (p: number) => Array.from({ length: p }, (_, i) => `x${i}`);

describe("exactSearch", () => {
  test("matches enumeration of every DAG on arbitrary scores, and is never beaten by tabu search", () => {
    for (const seed of [1, 2, 3, 4]) {
      const score = randomScore(4, seed);
      const exact = exactSearch(score, names(4));
      assert.ok(Math.abs(exact.score - bruteForce(score)) < 1e-12, `seed ${seed}`);
      const parentsOf = (j: number) => [...Array(4).keys()].filter((i) => exact.graph.isDirected(i, j));
      const total = [0, 1, 2, 3].reduce((s, j) => s + score.local(j, parentsOf(j)), 0);
      assert.ok(Math.abs(total - exact.score) < 1e-12, "the graph returned scores what was reported");
      const tabu = hillClimb(randomScore(4, seed), names(4), { tabuLength: 10 });
      assert.ok(tabu.score <= exact.score + 1e-12);
    }
  });

  test("background knowledge and the parent limit hold, and match enumeration under the same restriction", () => {
    const score = randomScore(4, 9);
    const exact = exactSearch(score, names(4), {
      required: (i, j) => i === 0 && j === 1,
      allowed: (i, j) => !(i === 2 && j === 3),
      maxParents: 1,
    });
    const edges = exact.graph.edges();
    assert.ok(edges.some((e) => e.from === "x0" && e.to === "x1"));
    assert.ok(!edges.some((e) => e.from === "x2" && e.to === "x3"));
    for (const n of names(4)) assert.ok(edges.filter((e) => e.to === n).length <= 1);
    const admissible = (j: number, mask: number) =>
      popcount(mask) <= 1 && (j !== 1 || mask === 1) && (j !== 3 || !(mask & 4));
    assert.ok(Math.abs(exact.score - bruteForce(score, admissible)) < 1e-12);
  });

  test("impossible knowledge and too many variables are clear errors", () => {
    const score = randomScore(3, 5);
    assert.throws(
      () =>
        exactSearch(score, names(3), { required: (i, j) => (i === 0 && j === 1) || (i === 1 && j === 0) }),
      /no DAG satisfies/,
    );
    assert.throws(() => exactSearch({ variables: 21, local: () => 0 }, names(21)), /variables/);
    assert.throws(() => exactSearch(score, names(2)), /names/);
  });
});
