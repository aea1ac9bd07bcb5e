import assert from "node:assert/strict";
import { test } from "node:test";
import { decimateMinMax } from "../../src/api/index.ts";

test("min/max decimation keeps each run's extremes in time order and passes short series through", () => {
  const t = BigInt64Array.from({ length: 8 }, (_, i) => BigInt(i));
  const v = Float64Array.from([5, 1, 9, 3, 2, Number.NaN, 8, 0]);
  const d = decimateMinMax(t, [v], 4);
  assert.deepEqual(Array.from(d.timestamps), [0n, 3n, 4n, 7n]);
  // Run 1 (5, 1, 9, 3): min 1 then max 9; run 2 (2, NaN, 8, 0): max 8 then min 0.
  assert.deepEqual(Array.from(d.values[0]!), [1, 9, 8, 0]);
  const same = decimateMinMax(t, [v], 8);
  assert.equal(same.timestamps, t);
  const empty = decimateMinMax(t, [new Float64Array(8).fill(Number.NaN)], 4);
  assert.ok(Array.from(empty.values[0]!).every(Number.isNaN));
});
