import assert from "node:assert/strict";
import { test } from "node:test";
import { KdTree } from "@vigil/causal/neighbours";
import { createRng } from "@vigil/core/random";

function maxNorm(columns: Float64Array[], i: number, j: number): number {
  return Math.max(...columns.map((c) => Math.abs((c[i] as number) - (c[j] as number))));
}

for (const [label, make] of [
  ["continuous", (rng: { normal(): number }) => rng.normal()],
  // integer grid: many exactly tied distances, where an off-by-one in < versus <= would show
  ["tied integers", (rng: { uniform(): number }) => Math.floor(6 * rng.uniform())],
] as const) {
  test(`kd-tree queries equal brute-force scans (${label}, 1–4 dimensions)`, () => {
    const rng = createRng(7);
    for (const d of [1, 2, 3, 4]) {
      const n = 300;
      const columns = Array.from({ length: d }, () =>
        Float64Array.from({ length: n }, () => make(rng as never)),
      );
      const tree = new KdTree(columns);
      for (let i = 0; i < n; i += 7) {
        const dist = Float64Array.from({ length: n }, (_, j) => maxNorm(columns, i, j)).sort();
        for (const k of [0, 1, 5, 30, n - 1]) {
          assert.equal(tree.kthDistance(i, k), dist[k], `d=${d} i=${i} k=${k}`);
          // a valid upper bound prunes, a too-small one falls back: both give the exact answer
          for (const bound of [dist[k] as number, (dist[k] as number) * 0.5, (dist[k] as number) + 1])
            assert.equal(tree.kthDistance(i, k, bound), dist[k], `bound ${bound}`);
        }
        for (const radius of [0, dist[3] as number, dist[40] as number, dist[n - 1] as number, Infinity]) {
          const brute = dist.filter((v) => v < radius).length;
          assert.equal(tree.countWithin(i, radius), brute, `count d=${d} i=${i} r=${radius}`);
          const rows = Array.from({ length: n }, (_, j) => j).filter((j) => maxNorm(columns, i, j) <= radius);
          assert.deepEqual(tree.rowsWithin(i, radius), rows);
        }
      }
    }
  });
}

test("kthDistance rejects k outside the data", () => {
  const tree = new KdTree([Float64Array.from([1, 2, 3])]);
  assert.throws(() => tree.kthDistance(0, 3), /k must be in \[0, 2\]/);
});
