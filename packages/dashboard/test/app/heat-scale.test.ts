import assert from "node:assert/strict";
import { test } from "node:test";
import { heatColor } from "../../src/app/charts/heat-scale.ts";

const luminance = ([r, g, b]: [number, number, number]): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;

test("heatColor runs from near black to pale yellow and clamps outside [0, 1]", () => {
  assert.deepEqual(heatColor(0), [0, 0, 4]);
  assert.deepEqual(heatColor(1), [252, 255, 164]);
  assert.deepEqual(heatColor(-3), heatColor(0));
  assert.deepEqual(heatColor(7), heatColor(1));
  assert.deepEqual(heatColor(Number.NaN), heatColor(0));
});

test("heatColor grows brighter with the value, so larger contributions read as hotter", () => {
  let previous = -1;
  for (let i = 0; i <= 50; i++) {
    const current = luminance(heatColor(i / 50));
    assert.ok(current > previous, `luminance fell at ${i / 50}`);
    previous = current;
  }
});
