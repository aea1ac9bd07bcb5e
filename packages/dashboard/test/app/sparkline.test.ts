import assert from "node:assert/strict";
import { test } from "node:test";
import { columnMaxima } from "../../src/app/charts/sparkline.ts";

test("columnMaxima keeps the largest score of each pixel column, so a one-sample spike survives", () => {
  const values: (number | null)[] = new Array(1000).fill(0.5);
  values[777] = 50;
  const columns = columnMaxima(values, 100);
  assert.equal(columns.length, 100);
  assert.equal(columns[77], Math.asinh(50));
  assert.equal(columns.filter((value) => value === Math.asinh(50)).length, 1);
  assert.equal(columns[0], Math.asinh(0.5));
});

test("columnMaxima keeps gaps and maps short series one to one", () => {
  assert.deepEqual(columnMaxima([1, null, -1], 140), [Math.asinh(1), null, Math.asinh(-1)]);
  assert.deepEqual(columnMaxima([null, null, null, null], 2), [null, null]);
});
