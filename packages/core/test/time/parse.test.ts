import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "@vigil/core/errors";
import { detectEpochUnit, formatTimestamp, parseTimestamp, tryParseTimestamp } from "@vigil/core/time";

// 2020-03-09T10:14:33Z = 1583748873 s since the epoch (checked with `date -u -d @1583748873`).
const T = 1_583_748_873n * 1_000_000_000n;

test("ISO forms with and without zone and fraction", () => {
  assert.equal(parseTimestamp("2020-03-09 10:14:33"), T);
  assert.equal(parseTimestamp("2020-03-09T10:14:33Z"), T);
  assert.equal(parseTimestamp("2020-03-09T12:14:33+02:00"), T);
  assert.equal(parseTimestamp("2020-03-09T12:14:33+0200"), T);
  assert.equal(parseTimestamp("2020-03-09T07:44:33-02:30"), T);
  assert.equal(parseTimestamp("2020-03-09T10:14:33.5Z"), T + 500_000_000n);
  assert.equal(parseTimestamp("2020-03-09 10:14:33.123456789+00:00"), T + 123_456_789n);
  assert.equal(parseTimestamp("2020-03-09T10:14"), T - 33n * 1_000_000_000n);
  assert.equal(parseTimestamp("1970-01-01"), 0n);
  assert.equal(parseTimestamp("1969-12-31T23:59:59Z"), -1_000_000_000n);
  assert.equal(parseTimestamp("2020-03-09 11:14:33", { defaultOffsetMinutes: 60 }), T);
});

test("epoch numbers: unit from magnitude, exact at ns", () => {
  assert.equal(parseTimestamp("1583748873"), T);
  assert.equal(parseTimestamp("1583748873.25"), T + 250_000_000n);
  assert.equal(parseTimestamp("1583748873250"), T + 250_000_000n);
  assert.equal(parseTimestamp("1583748873250001"), T + 250_001_000n);
  assert.equal(parseTimestamp("1604277203201922048"), 1_604_277_203_201_922_048n);
  assert.equal(parseTimestamp("1.583748873e9"), T);
  assert.equal(parseTimestamp("12", { epochUnit: "ms" }), 12_000_000n);
  assert.equal(detectEpochUnit(1.6e9), "s");
  assert.equal(detectEpochUnit(1.6e12), "ms");
  assert.equal(detectEpochUnit(1.6e15), "us");
  assert.equal(detectEpochUnit(1.6e18), "ns");
});

test("impossible or foreign text is rejected", () => {
  for (const bad of [
    "2021-02-29",
    "2020-13-01",
    "2020-03-09 24:00:00",
    "2020-03-09T10:61",
    "abc",
    "",
    "10/03/2020",
    "2020-03-09T10:14:33.1234567891Z",
    "2020-03-09T10:14:33+02:0",
    "2020-03-09T10",
  ]) {
    assert.equal(tryParseTimestamp(bad), undefined, bad);
  }
  assert.equal(tryParseTimestamp("2020-02-29"), 1_582_934_400n * 1_000_000_000n);
  assert.throws(() => parseTimestamp("nope"), VigilArgumentError);
  assert.throws(() => parseTimestamp("1", { epochUnti: "s" } as never), /Unknown option "epochUnti"/);
});

test("formatTimestamp writes the shortest exact fraction and round-trips", () => {
  assert.equal(formatTimestamp(T), "2020-03-09T10:14:33Z");
  assert.equal(formatTimestamp(T + 250_000_000n), "2020-03-09T10:14:33.250Z");
  assert.equal(formatTimestamp(T + 250_001_000n), "2020-03-09T10:14:33.250001Z");
  assert.equal(formatTimestamp(-1n), "1969-12-31T23:59:59.999999999Z");
  for (const ns of [0n, -1n, T + 7n, 253_402_300_799_999_999_999n, -62_135_596_800_000_000_000n]) {
    assert.equal(parseTimestamp(formatTimestamp(ns)), ns);
  }
});
