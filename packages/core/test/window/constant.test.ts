import assert from "node:assert/strict";
import { test } from "node:test";
import type { Series } from "../../src/series/index.ts";
import { channelVariability, constantChannels } from "../../src/window/index.ts";

const N = Number.NaN;
const columns: Record<string, number[]> = {
  flat: [5, 5, N, 5, 5],
  nearlyFlat: [1000, 1000.0000001, 1000, 1000, 1000.0000002],
  zeroCentredNoise: [-1e-3, 1e-3, 0, 2e-3, -2e-3],
  moving: [1, 2, 3, 4, 5],
  empty: [N, N, N, N, N],
};
const series: Series = {
  timestamps: BigInt64Array.from([0n, 1n, 2n, 3n, 4n]),
  channels: Object.keys(columns).map((name) => ({ name, kind: "other" })),
  values: Object.values(columns).map((c) => Float64Array.from(c)),
};

test("constant and near-constant channels are flagged; zero-centred signals are not", () => {
  assert.deepEqual(constantChannels(series), ["flat", "nearlyFlat", "empty"]);
  const v = channelVariability(series);
  assert.equal(v[0]!.present, 4);
  assert.equal(v[0]!.distinct, 1);
  assert.ok(Math.abs(v[3]!.relativeStd - Math.sqrt(2.5) / 3) < 1e-12);
  // A stricter threshold keeps the nearly flat channel; a distinct-count rule catches a two-level one.
  assert.deepEqual(constantChannels(series, { relativeStd: 1e-12 }), ["flat", "empty"]);
  assert.ok(constantChannels(series, { minDistinct: 6 }).includes("moving"));
  assert.throws(() => constantChannels(series, { relStd: 1 } as never), /Unknown option/);
});
