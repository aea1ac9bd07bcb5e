import assert from "node:assert/strict";
import { test } from "node:test";
import { carryForward, resample } from "../../src/align/index.ts";
import type { Series } from "../../src/series/index.ts";

const N = Number.NaN;
const stream = (name: string, times: bigint[], values: number[]): Series => ({
  timestamps: BigInt64Array.from(times),
  channels: [{ name, kind: "other" }],
  values: [Float64Array.from(values)],
});

test("carry forward with a maximum staleness, skipping NaN reports", () => {
  const a = stream("a", [0n, 10n, 25n], [1, N, 3]);
  const b = stream("b", [5n], [7]);
  const grid = BigInt64Array.from([0n, 5n, 10n, 20n, 30n, 40n]);
  const out = carryForward([a, b], { grid, maxStalenessNs: 15n });
  assert.deepEqual(
    out.channels.map((c) => c.name),
    ["a", "b"],
  );
  // a: 1 at 0; NaN report at 10 does not replace it; 1 is 20 old at 20 (> 15) → NaN; 3 from 25.
  assert.deepEqual([...out.values[0]!], [1, 1, 1, N, 3, 3]);
  assert.deepEqual([...out.values[1]!], [N, 7, 7, 7, N, N]);
  assert.deepEqual([...carryForward([b], { grid }).values[0]!], [N, 7, 7, 7, 7, 7]);
  assert.throws(() => carryForward([a], { grid, maxStalenessNs: -1n }), /non-negative/);
});

test("resample by mean, last and linear interpolation", () => {
  const s = stream("x", [0n, 3n, 7n, 12n, 14n, 31n], [1, 3, N, 10, 20, 40]);
  const mean = resample(s, { periodNs: 10n });
  assert.deepEqual([...mean.timestamps], [0n, 10n, 20n, 30n]);
  assert.deepEqual([...mean.values[0]!], [2, 15, N, 40]);
  assert.deepEqual([...resample(s, { periodNs: 10n, method: "last" }).values[0]!], [3, 20, N, 40]);
  // linear at 10: between (3, 3) and (12, 10); at 20 between (14, 20) and (31, 40); 30 likewise.
  const linear = resample(s, { periodNs: 10n, method: "linear" }).values[0]!;
  assert.equal(linear[0], 1);
  assert.ok(Math.abs(linear[1]! - (3 + (7 / 9) * 7)) < 1e-12);
  assert.ok(Math.abs(linear[2]! - (20 + (6 / 17) * 20)) < 1e-12);
  assert.ok(Math.abs(linear[3]! - (20 + (16 / 17) * 20)) < 1e-12);
  assert.throws(() => resample(s, { periodNs: 0n }), /positive bigint/);
  assert.throws(() => resample(s, { periodNs: 1n, method: "median" as never }), /one of/);
});
