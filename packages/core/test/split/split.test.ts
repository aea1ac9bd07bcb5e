import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "../../src/series/index.ts";
import { splitByFraction, splitByTime, splitByUnit } from "../../src/split/index.ts";

const n = 20;
const series: Series = {
  timestamps: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 100n),
  channels: [{ name: "x", kind: "other" }],
  values: [Float64Array.from({ length: n }, (_, i) => i)],
  labels: [{ start: 1200n, end: 1600n, type: "anomaly" }],
};

test("fraction split keeps time order, covers every row once and clips labels", () => {
  const { train, validation, test: testPart } = splitByFraction(series, { train: 0.6, validation: 0.2 });
  assert.deepEqual(
    [train, validation, testPart].map((p) => p.timestamps.length),
    [12, 4, 4],
  );
  assert.equal(train.timestamps[11]! < validation.timestamps[0]!, true);
  assert.equal(validation.timestamps[3]! < testPart.timestamps[0]!, true);
  assert.equal(train.labels?.length, 0);
  assert.deepEqual(validation.labels, [{ start: 1200n, end: 1500n, type: "anomaly" }]);
  assert.throws(() => splitByFraction(series, { train: 0.9, validation: 0.2 }), /validation/);
});

test("timestamp cuts: train < validationStart <= validation < testStart <= test", () => {
  const {
    train,
    validation,
    test: testPart,
  } = splitByTime(series, { validationStart: 1000n, testStart: 1550n });
  assert.deepEqual([...train.values[0]!], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual([...validation.values[0]!], [10, 11, 12, 13, 14, 15]);
  assert.equal(testPart.values[0]![0], 16);
  assert.throws(
    () => splitByTime(series, { validationStart: 5n, testStart: 1n }),
    /validationStart <= testStart/,
  );
  assert.throws(() => splitByTime(series, { validationStart: 5n } as never), /bigint cuts/);
});

test("unit split: whole units per part, reproducible for a seed, fractions of units", () => {
  // 20 units with 3 to 7 cycles each, as per-unit rows.
  const rows = Array.from({ length: 20 }, (_, u) =>
    Array.from({ length: 3 + (u % 5) }, (_, c) => ({ unit: u + 1, cycle: c + 1 })),
  ).flat();
  const split = splitByUnit(rows, { unitOf: (r) => r.unit, validation: 0.2, test: 0.25, seed: 7 });
  const unitsOf = (part: typeof rows) => new Set(part.map((r) => r.unit));
  const [tr, va, te] = [unitsOf(split.train), unitsOf(split.validation), unitsOf(split.test)];
  assert.deepEqual([tr.size, va.size, te.size], [11, 4, 5]);
  for (const u of va) assert.ok(!tr.has(u) && !te.has(u));
  for (const u of te) assert.ok(!tr.has(u));
  assert.equal(split.train.length + split.validation.length + split.test.length, rows.length);
  // Original order within a part.
  assert.deepEqual(
    split.train,
    rows.filter((r) => tr.has(r.unit)),
  );
  assert.deepEqual(splitByUnit(rows, { unitOf: (r) => r.unit, validation: 0.2, test: 0.25, seed: 7 }), split);
  const other = splitByUnit(rows, { unitOf: (r) => r.unit, validation: 0.2, test: 0.25, seed: 8 });
  assert.notDeepEqual(unitsOf(other.test), te);
});
