import assert from "node:assert/strict";
import { test } from "node:test";
import { checkSeriesLengths, linearScale, seriesPath } from "@vigil/core/plot";

const X = linearScale([0, 10], [0, 100]);
const Y = linearScale([0, 10], [100, 0]);

test("a line starts a new subpath after each missing value", () => {
  assert.equal(seriesPath([0, 1, 2, 3], [1, Number.NaN, 2, 3], X, Y), "M0,90M20,80L30,70");
  assert.equal(seriesPath([0, 1], [Number.NaN, Number.NaN], X, Y), "");
});

test("a step holds each value until the next x, also up to a missing one", () => {
  assert.equal(seriesPath([0, 2, 5], [1, 3, 2], X, Y, "step"), "M0,90H20V70H50V80");
  assert.equal(seriesPath([0, 2, 5, 6], [1, Number.NaN, 2, 2], X, Y, "step"), "M0,90H20M50,80H60V80");
});

test("a constant domain maps to the middle instead of dividing by zero", () => {
  const flat = linearScale([3, 3], [0, 100]);
  assert.equal(flat(3), 50);
  assert.equal(flat(7), 50);
});

test("x and y of different lengths are rejected, naming the series", () => {
  assert.throws(() => checkSeriesLengths("pressure", [1, 2], [1]), /series "pressure".*1 y and 2 x/);
});
