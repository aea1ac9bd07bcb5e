import assert from "node:assert/strict";
import { test } from "node:test";
import {
  concatSeries,
  labelsFromFlags,
  type Series,
  SeriesBuilder,
  selectChannels,
  seriesFromColumns,
  seriesFromRows,
  sliceByIndex,
  sliceByTime,
  summarizeSeries,
} from "@vigil/core/series";

const S = 1_000_000_000n;

function sample(): Series {
  return seriesFromColumns({
    timestamps: [0n, S, 2n * S, 3n * S, 4n * S],
    channels: ["a", { name: "b", kind: "temperature", unit: "K" }],
    values: [
      [1, 2, 3, 4, 5],
      [10, null, 30, Number.NaN, 50],
    ],
    labels: [{ start: S, end: 3n * S, type: "anomaly" }],
  });
}

test("seriesFromColumns and seriesFromRows agree and validate", () => {
  const a = sample();
  const b = seriesFromRows({
    channels: ["a", { name: "b", kind: "temperature", unit: "K" }],
    rows: [0, 1, 2, 3, 4].map(
      (i) => [BigInt(i) * S, [i + 1, [10, Number.NaN, 30, Number.NaN, 50][i]!]] as const,
    ),
  });
  assert.deepEqual(b.values, a.values);
  assert.deepEqual(b.timestamps, a.timestamps);
  assert.equal(a.channels[0]?.kind, "other");
  assert.throws(
    () => seriesFromColumns({ timestamps: [1n, 0n], channels: ["x"], values: [[1, 2]] }),
    /non-decreasing/,
  );
  assert.throws(
    () => seriesFromColumns({ timestamps: [0n], channels: ["x"], values: [[1, 2]] }),
    /2 values but there are 1/,
  );
  assert.throws(
    () => seriesFromColumns({ timestamps: [0n], channels: ["x", "x"], values: [[1], [2]] }),
    /Duplicate/,
  );
});

test("slicing is a zero-copy view and clips labels", () => {
  const s = sample();
  const part = sliceByIndex(s, 2, 5);
  assert.deepEqual([...part.values[0]!], [3, 4, 5]);
  part.values[0]![0] = 99;
  assert.equal(s.values[0]![2], 99, "slice shares memory");
  assert.deepEqual(part.labels, [{ start: 2n * S, end: 3n * S, type: "anomaly" }]);
  const byTime = sliceByTime(s, { from: S, to: 3n * S });
  assert.deepEqual([...byTime.timestamps], [S, 2n * S]);
  assert.equal(sliceByTime(s, { from: 10n * S }).timestamps.length, 0);
  assert.equal(sliceByIndex(s, 4, 5).labels?.length, 0);
  assert.throws(() => sliceByIndex(s, 3, 2), /end/);
});

test("selectChannels reorders and rejects unknown names", () => {
  const s = sample();
  const picked = selectChannels(s, ["b", "a"]);
  assert.deepEqual(
    picked.channels.map((c) => c.name),
    ["b", "a"],
  );
  assert.equal(picked.values[0], s.values[1]);
  assert.throws(() => selectChannels(s, ["c"]), /Unknown channel "c"; the series has: a, b/);
});

test("concatSeries restores the original from its slices", () => {
  const s = sample();
  const joined = concatSeries([sliceByIndex(s, 0, 2), sliceByIndex(s, 2, 5)]);
  assert.deepEqual(joined.timestamps, s.timestamps);
  assert.deepEqual(joined.values, s.values);
  assert.throws(() => concatSeries([sliceByIndex(s, 2, 5), sliceByIndex(s, 0, 2)]), /non-decreasing/);
  assert.throws(() => concatSeries([s, selectChannels(s, ["a"])]), /has channels \[a\]/);
});

test("SeriesBuilder grows, adds late channels with NaN history, and resets", () => {
  const builder = new SeriesBuilder([{ name: "x", kind: "other" }], 1);
  for (let i = 0; i < 5; i++) builder.append(BigInt(i), [i]);
  builder.addChannel({ name: "y", kind: "other" });
  builder.append(5n, [5, 50]);
  const s = builder.build();
  assert.deepEqual([...s.values[0]!], [0, 1, 2, 3, 4, 5]);
  assert.deepEqual([...s.values[1]!], [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, 50]);
  assert.equal(builder.length, 0);
});

test("labelsFromFlags makes one label per run", () => {
  const t = BigInt64Array.from([0n, 1n, 2n, 3n, 4n, 5n]);
  assert.deepEqual(labelsFromFlags(t, [1, 1, 0, 0, 1, 0], "anomaly"), [
    { start: 0n, end: 1n, type: "anomaly" },
    { start: 4n, end: 4n, type: "anomaly" },
  ]);
  assert.deepEqual(labelsFromFlags(t, [0, 0, 0, 0, 0, 1], "cp", "a"), [
    { start: 5n, end: 5n, type: "cp", channel: "a" },
  ]);
});

test("summarizeSeries: rows, span, rates, missing, labels", () => {
  // Irregular: gaps 1,1,1,2,1 s plus a repeated timestamp that must not count as a gap.
  const s = seriesFromColumns({
    timestamps: [0n, S, 2n * S, 3n * S, 3n * S, 5n * S, 6n * S],
    channels: ["a", "b"],
    values: [
      [1, 2, 3, 4, 5, 6, 7],
      [Number.NaN, 1, Number.NaN, 3, Number.NaN, 5, Number.NaN],
    ],
    labels: [
      { start: 0n, end: S, type: "anomaly" },
      { start: 2n * S, end: 2n * S, type: "changepoint" },
      { start: 5n * S, end: 6n * S, type: "anomaly" },
    ],
  });
  const sum = summarizeSeries(s);
  assert.equal(sum.rows, 7);
  assert.equal(sum.spanNs, 6n * S);
  assert.equal(sum.medianDtNs, 1e9);
  assert.equal(sum.rateHz, 1);
  assert.equal(sum.channels[0]?.mean, 4);
  assert.equal(sum.channels[1]?.missing, 4);
  assert.ok(Math.abs(sum.channels[1]!.missingPct - 400 / 7) < 1e-12);
  assert.equal(sum.channels[1]?.rateHz, 0.5); // b at 1, 3, 5 s
  assert.deepEqual(sum.labelCounts, { anomaly: 2, changepoint: 1 });
  const empty = summarizeSeries(seriesFromColumns({ timestamps: [], channels: ["a"], values: [[]] }));
  assert.equal(empty.rows, 0);
  assert.equal(empty.rateHz, undefined);
  assert.ok(Number.isNaN(empty.channels[0]!.mean));
});
