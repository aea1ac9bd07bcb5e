import assert from "node:assert/strict";
import { test } from "node:test";
import { formatAgo, formatDuration, formatNumber, formatPercent } from "../../src/app/format.ts";

test("formatDuration picks a unit engineers read at a glance", () => {
  assert.equal(formatDuration(850), "850 ms");
  assert.equal(formatDuration(8_500), "8.5 s");
  assert.equal(formatDuration(12_400), "12 s");
  assert.equal(formatDuration(250_000), "4 min 10 s");
  assert.equal(formatDuration(3 * 3_600_000 + 5 * 60_000), "3 h 5 min");
  assert.equal(formatDuration(2 * 86_400_000 + 4 * 3_600_000), "2 d 4 h");
  assert.equal(formatDuration(Number.NaN), "—");
});

test("formatAgo, formatNumber and formatPercent", () => {
  assert.equal(formatAgo(undefined, 0), "never");
  assert.equal(formatAgo(9000, 10_000), "just now");
  assert.equal(formatAgo(0, 250_000), "4 min ago");
  assert.equal(formatNumber(1.23456), "1.23");
  assert.equal(formatNumber(12_345.6), "12346");
  assert.equal(formatNumber(null), "—");
  assert.equal(formatPercent(0.4213), "42.1 %");
});
