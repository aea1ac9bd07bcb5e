import assert from "node:assert/strict";
import { test } from "node:test";
import { gSquareTest } from "@vigil/causal/citest";
import { chiSquareSurvival } from "@vigil/causal/stats";

function rows(table: number[][]): [Float64Array, Float64Array] {
  const x: number[] = [];
  const y: number[] = [];
  table.forEach((row, a) => {
    row.forEach((count, b) => {
      for (let k = 0; k < count; k++) {
        x.push(a);
        y.push(b);
      }
    });
  });
  return [Float64Array.from(x), Float64Array.from(y)];
}

test("G² of a 2×2 table equals 2 Σ O ln(O/E)", () => {
  const [x, y] = rows([
    [30, 10],
    [10, 30],
  ]);
  const t = gSquareTest({ names: ["x", "y"], columns: [x, y] });
  const expected = 2 * (2 * 30 * Math.log(30 / 20) + 2 * 10 * Math.log(10 / 20));
  const r = t.test(0, 1, []);
  assert.ok(Math.abs(r.statistic - expected) < 1e-10);
  assert.ok(Math.abs(r.pValue - chiSquareSurvival(expected, 1)) < 1e-15);
});

test("conditioning on a stratum variable sums per-stratum G² and degrees of freedom", () => {
  // within each stratum x and y are independent (product tables), so G² = 0
  const [x1, y1] = rows([
    [20, 20],
    [5, 5],
  ]);
  const [x2, y2] = rows([
    [4, 12],
    [6, 18],
  ]);
  const z = Float64Array.from([
    ...new Array<number>(x1.length).fill(0),
    ...new Array<number>(x2.length).fill(1),
  ]);
  const t = gSquareTest({
    names: ["x", "y", "z"],
    columns: [Float64Array.from([...x1, ...x2]), Float64Array.from([...y1, ...y2]), z],
  });
  const r = t.test(0, 1, [2]);
  assert.ok(Math.abs(r.statistic) < 1e-10);
  assert.equal(r.pValue, 1);
  // pooled table [[24, 32], [11, 23]] is not a product table
  const pooled = [24, 32, 11, 23];
  const expected = [56 * 35, 56 * 55, 34 * 35, 34 * 55].map((e) => e / 90);
  const g2 = 2 * pooled.reduce((s, o, i) => s + o * Math.log(o / (expected[i] as number)), 0);
  assert.ok(Math.abs(t.test(0, 1, []).statistic - g2) < 1e-10);
});

test("too many distinct values is an error, not a silent huge table", () => {
  const c = Float64Array.from({ length: 100 }, (_, i) => i);
  assert.throws(() => gSquareTest({ names: ["a", "b"], columns: [c, c] }), /discretise/);
});
