import assert from "node:assert/strict";
import { test } from "node:test";
import { timeTickLabels } from "../../src/app/charts/time-ticks.ts";

const at = (day: number, hours: number, minutes: number, seconds = 0, ms = 0): number =>
  new Date(2026, 10, day, hours, minutes, seconds, ms).getTime();

test("timeTickLabels shows the date on the first tick and where a day begins", () => {
  assert.deepEqual(timeTickLabels([at(24, 22, 0), at(24, 23, 0), at(25, 0, 0), at(25, 1, 0)], 3_600_000), [
    "11-24 22:00",
    "23:00",
    "11-25 00:00",
    "01:00",
  ]);
});

test("timeTickLabels is as precise as the tick spacing", () => {
  assert.deepEqual(timeTickLabels([at(24, 9, 5, 10), at(24, 9, 5, 20)], 10_000), [
    "11-24 09:05:10",
    "09:05:20",
  ]);
  assert.deepEqual(timeTickLabels([at(24, 9, 5, 10, 0), at(24, 9, 5, 10, 250)], 250), [
    "11-24 09:05:10.000",
    "09:05:10.250",
  ]);
  assert.deepEqual(timeTickLabels([at(24, 0, 0), at(25, 0, 0)], 86_400_000), ["11-24", "11-25"]);
});
