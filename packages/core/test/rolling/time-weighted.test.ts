import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../../src/random/index.ts";
import {
  timeWeightedRollingMean,
  timeWeightedRollingMedian,
  timeWeightedRollingQuantile,
} from "../../src/rolling/index.ts";

const S = 1_000_000_000n;
const signal = (times: number[], values: number[]) => ({
  timestampsNs: BigInt64Array.from(times.map((t) => BigInt(Math.round(t * 1e6)) * 1000n)),
  values: Float64Array.from(values),
});

test("each value weighs by how long it held, not by how often it was reported", () => {
  // 5 held 100 s, 100 held 1 s, 6 held 9 s: the time-weighted median is 5 (an unweighted one would be 6).
  const s = signal([0, 100, 101], [5, 100, 6]);
  const q = BigInt64Array.of(110n * S);
  assert.deepEqual([...timeWeightedRollingMedian(s, { windowSeconds: 210, queryTimesNs: q })], [5]);
  assert.ok(
    Math.abs(timeWeightedRollingMean(s, { windowSeconds: 210, queryTimesNs: q })[0]! - 654 / 110) < 1e-12,
  );
});

test("the window clips the oldest hold and a new report has not held yet", () => {
  const s = signal([0, 5], [0, 1]);
  const q = BigInt64Array.of(12n * S, 20n * S);
  assert.deepEqual([...timeWeightedRollingMedian(s, { windowSeconds: 10, queryTimesNs: q })], [1, 1]);
  const mean = timeWeightedRollingMean(s, { windowSeconds: 10, queryTimesNs: q });
  assert.ok(Math.abs(mean[0]! - 0.7) < 1e-12 && Math.abs(mean[1]! - 1) < 1e-12);
  // At its own report times: nothing has held at t = 0; at t = 5 only the 0 has.
  assert.deepEqual([...timeWeightedRollingMedian(s, { windowSeconds: 10 })], [Number.NaN, 0]);
});

test("NaN reports carry the previous value forward", () => {
  const s = signal([0, 1, 2, 3], [1, Number.NaN, 10, 10]);
  // 1 held [0, 2), 10 held [2, 3): median 1, mean (2 + 10) / 3 = 4.
  const q = BigInt64Array.of(3n * S);
  assert.deepEqual([...timeWeightedRollingMedian(s, { windowSeconds: 60, queryTimesNs: q })], [1]);
  assert.ok(Math.abs(timeWeightedRollingMean(s, { windowSeconds: 60, queryTimesNs: q })[0]! - 4) < 1e-12);
});

test("matches a brute-force weighted quantile and integral on irregular random reports", () => {
  const rand = createRng(7).next;
  const times: number[] = [];
  const values: number[] = [];
  let t = 0;
  for (let i = 0; i < 400; i++) {
    t += rand() < 0.2 ? 30 * rand() : 5 * rand() + 0.01;
    times.push(t);
    values.push(Math.round(rand() * 50));
  }
  const s = signal(times, values);
  const tNs = s.timestampsNs;
  const sec = Array.from(tNs, (x) => Number(x - tNs[0]!) / 1e9);
  for (const quantile of [0.1, 0.5, 0.9]) {
    const fast = timeWeightedRollingQuantile(s, { windowSeconds: 60, quantile });
    const mean = timeWeightedRollingMean(s, { windowSeconds: 60 });
    for (let i = 1; i < sec.length; i++) {
      const q = sec[i]!;
      const held: Array<[number, number]> = [];
      for (let j = 0; j < i; j++) {
        const w = Math.min(sec[j + 1]!, q) - Math.max(sec[j]!, q - 60);
        if (w > 0) held.push([values[j]!, w]);
      }
      held.sort((a, b) => a[0] - b[0]);
      const total = held.reduce((acc, [, w]) => acc + w, 0);
      let cum = 0;
      let expected = Number.NaN;
      for (const [v, w] of held) {
        cum += w;
        if (cum >= quantile * total) {
          expected = v;
          break;
        }
      }
      assert.equal(fast[i], expected, `quantile ${quantile} at ${i}`);
      const integral = held.reduce((acc, [v, w]) => acc + v * w, 0);
      assert.ok(Math.abs(mean[i]! - integral / total) < 1e-9, `mean at ${i}`);
    }
  }
});

test("rejects misspelled options and a non-positive window", () => {
  const s = signal([0], [1]);
  assert.throws(
    () => timeWeightedRollingMedian(s, { windowSecs: 3 } as never),
    /Unknown option "windowSecs"/,
  );
  assert.throws(() => timeWeightedRollingMean(s, { windowSeconds: 0 }), /windowSeconds/);
});
