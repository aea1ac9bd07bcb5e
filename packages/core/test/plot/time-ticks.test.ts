import assert from "node:assert/strict";
import { test } from "node:test";
import { timeTicks } from "@vigil/core/plot";

const utc = (...parts: [number, number, number?, number?, number?, number?]) => Date.UTC(...parts) / 1000;
const start = utc(2024, 0, 1, 10, 3, 7);
const labels = (from: number, to: number, count?: number) => timeTicks(from, to, count).map((t) => t.label);

test("seconds and sub-seconds: round steps labelled to the needed precision", () => {
  assert.deepEqual(labels(start, start + 30), [
    "10:03:10",
    "10:03:15",
    "10:03:20",
    "10:03:25",
    "10:03:30",
    "10:03:35",
  ]);
  assert.deepEqual(labels(start, start + 0.5, 5), [
    "10:03:07.0",
    "10:03:07.1",
    "10:03:07.2",
    "10:03:07.3",
    "10:03:07.4",
    "10:03:07.5",
  ]);
});

test("minutes and hours fall on the clock; midnight shows the date", () => {
  const minutes = timeTicks(start, start + 3600);
  assert.deepEqual(
    minutes.map((t) => t.label),
    ["10:10", "10:20", "10:30", "10:40", "10:50", "11:00"],
  );
  assert.ok(minutes.every((t) => t.value % 600 === 0));
  assert.deepEqual(labels(start, start + 86_400), ["12:00", "18:00", "2024-01-02", "06:00"]);
});

test("days, and weeks starting on Monday", () => {
  const days = timeTicks(start, start + 10 * 86_400);
  assert.equal(days[0]!.label, "2024-01-02");
  assert.ok(days.every((t) => t.value % 86_400 === 0 && t.label.length === 10));
  const weeks = timeTicks(start, start + 42 * 86_400);
  assert.ok(weeks.length >= 5);
  assert.ok(
    weeks.every((t) => new Date(t.value * 1000).getUTCDay() === 1),
    "Mondays",
  );
  assert.equal(weeks[0]!.label, "2024-01-08");
});

test("months fall on the first of the month, across a year boundary", () => {
  const months = timeTicks(utc(2024, 0, 15), utc(2025, 0, 15));
  assert.deepEqual(
    months.map((t) => t.label),
    ["2024-04", "2024-07", "2024-10", "2025-01"],
  );
  assert.deepEqual(
    months.map((t) => t.value),
    [3, 6, 9, 12].map((m) => utc(2024, m, 1)),
  );
  assert.deepEqual(labels(utc(2024, 0, 15), utc(2025, 0, 15), 8), [
    "2024-03",
    "2024-05",
    "2024-07",
    "2024-09",
    "2024-11",
    "2025-01",
  ]);
  // 29 February 2024 is not skipped or doubled: monthly ticks stay on the 1st.
  assert.deepEqual(labels(utc(2024, 1, 10), utc(2024, 5, 10), 6), [
    "2024-03",
    "2024-04",
    "2024-05",
    "2024-06",
  ]);
});

test("years on New Year's day; empty and single-instant ranges", () => {
  assert.deepEqual(labels(utc(2015, 5, 1), utc(2025, 5, 1)), ["2016", "2018", "2020", "2022", "2024"]);
  assert.deepEqual(labels(start, start), ["10:03:07"]);
  assert.deepEqual(timeTicks(Number.NaN, start), []);
});
