import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "../../src/series/index.ts";
import { packWindows, slidingWindows } from "../../src/window/index.ts";

// Channel a = row index, channel b = 100 + row index: every packed value says where it came from.
const n = 12;
const series: Series = {
  timestamps: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 10n),
  channels: [
    { name: "a", kind: "other" },
    { name: "b", kind: "other" },
  ],
  values: [
    Float64Array.from({ length: n }, (_, i) => i),
    Float64Array.from({ length: n }, (_, i) => 100 + i),
  ],
};

test("window count, starts and horizon targets", () => {
  const w = slidingWindows(series, { length: 4, stride: 3, horizon: 2 });
  // starts 0, 3, 6 (6 + 4 + 2 = 12 fits; 9 does not)
  assert.equal(w.count, 3);
  const last = w.window(2);
  assert.equal(last.start, 6);
  assert.deepEqual([...last.values[0]!], [6, 7, 8, 9]);
  assert.deepEqual([...last.target[1]!], [110, 111]);
  assert.deepEqual([...last.timestamps], [60n, 70n, 80n, 90n]);
  assert.equal([...w].length, 3);
  assert.equal(slidingWindows(series, { length: 12 }).count, 1);
  assert.equal(slidingWindows(series, { length: 13 }).count, 0);
  assert.equal(slidingWindows(series, { length: 1 }).window(0).target[0]!.length, 0);
  assert.throws(() => w.window(3), /window index in \[0, 2\]/);
  assert.throws(() => slidingWindows(series, { length: 4, stride: 0 }), /positive integer for stride/);
});

test("windows are views: they share memory with the series", () => {
  const copy: Series = { ...series, values: series.values.map((c) => Float64Array.from(c)) };
  const view = slidingWindows(copy, { length: 3 }).window(2).values[0]!;
  assert.equal(view.buffer, copy.values[0]!.buffer);
  view[0] = -1;
  assert.equal(copy.values[0]![2], -1);
});

test("packing copies windows into [N, C, L] Float32 order, with channel and window selection", () => {
  const w = slidingWindows(series, { length: 3, stride: 2, horizon: 1 });
  const all = packWindows(w);
  assert.deepEqual(all.shape, [w.count, 2, 3]);
  // batch 1 starts at row 2: a = 2 3 4, b = 102 103 104
  assert.deepEqual([...all.data.subarray(6, 12)], [2, 3, 4, 102, 103, 104]);
  const picked = packWindows(w, { indices: [4, 0], channels: [1] });
  assert.deepEqual(picked.shape, [2, 1, 3]);
  assert.deepEqual([...picked.data], [108, 109, 110, 100, 101, 102]);
  const targets = packWindows(w, { target: true, channels: [0] });
  assert.deepEqual([...targets.data], [3, 5, 7, 9, 11]);
  assert.throws(() => packWindows(w, { channels: [2] }), /channel index/);
});
