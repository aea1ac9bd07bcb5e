import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../../src/random/index.ts";
import {
  correlationMatrix,
  covarianceMatrix,
  kthSmallest,
  MAD_SCALE,
  mad,
  max,
  mean,
  median,
  medianAndMad,
  min,
  quantile,
  quantiles,
  std,
  variance,
} from "../../src/stats/index.ts";

const N = Number.NaN;

test("mean, variance and std skip NaN and match hand computation", () => {
  const x = [2, 4, N, 4, 4, 5, 5, 7, 9];
  assert.equal(mean(x), 5);
  assert.equal(variance(x, { ddof: 0 }), 4);
  assert.equal(variance(x), 32 / 7);
  assert.equal(std(x, { ddof: 0 }), 2);
  assert.ok(Number.isNaN(mean([N, N])));
  assert.ok(Number.isNaN(variance([3])));
  assert.equal(variance([3], { ddof: 0 }), 0);
  // Two-pass: a large offset does not destroy a small spread.
  assert.ok(Math.abs(variance([1e9 + 1, 1e9 + 2, 1e9 + 3]) - 1) < 1e-9);
  assert.throws(() => variance(x, { ddf: 1 } as never), /Unknown option "ddf"/);
});

test("min and max skip NaN, also in first position", () => {
  assert.equal(min([N, 3, -2, 8]), -2);
  assert.equal(max([N, 3, -2, 8]), 8);
  assert.ok(Number.isNaN(min([])));
});

test("median by selection equals the sorted middle, odd and even, and leaves the input alone", () => {
  const input = Float64Array.from([5, N, 1, 4, 2, 3]);
  assert.equal(median(input), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median(input)) === false && Number.isNaN(input[1]!));
  const rng = createRng(5);
  for (let trial = 0; trial < 50; trial++) {
    const n = 1 + rng.int(60);
    // Small integers force many ties, the hard case for partitioning.
    const values = Float64Array.from({ length: n }, () => rng.int(6));
    const sorted = Float64Array.from(values).sort();
    const expected = n % 2 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
    assert.equal(median(values), expected);
    const k = rng.int(n);
    assert.equal(kthSmallest(Float64Array.from(values), k), sorted[k]);
  }
});

test("type-7 quantiles match R / numpy values", () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  // numpy.quantile(range(1, 11), [0, .1, .25, .5, .9, 1]) = 1, 1.9, 3.25, 5.5, 9.1, 10
  const q = quantiles([...x, N], [0, 0.1, 0.25, 0.5, 0.9, 1]);
  const expected = [1, 1.9, 3.25, 5.5, 9.1, 10];
  for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(q[i]! - expected[i]!) < 1e-12);
  assert.equal(quantile([7], 0.3), 7);
  assert.throws(() => quantile(x, 1.5), /in \[0, 1\]/);
});

test("MAD raw and scaled; the scaled MAD of normal data estimates σ", () => {
  // median 3, |x - 3| = 2 1 0 1 6 → median 1
  assert.equal(mad([1, 2, 3, 4, 9, N]), 1);
  assert.equal(mad([1, 2, 3, 4, 9], { scaled: true }), MAD_SCALE);
  assert.deepEqual(medianAndMad([1, 2, 3, 4]), { median: 2.5, mad: 1 });
  const rng = createRng(11);
  const sample = Float64Array.from({ length: 20_001 }, () => 3 + 2 * rng.normal());
  const { median: m, mad: s } = medianAndMad(sample, { scaled: true });
  assert.ok(Math.abs(m - 3) < 0.05);
  assert.ok(Math.abs(s - 2) < 0.05, `scaled MAD ${s}`);
});

test("covariance and correlation over complete rows", () => {
  const a = [1, 2, 3, 4, N];
  const b = [2, 4, 6, 8, 100];
  const c = [4, 3, 2, 1, 0];
  const cov = covarianceMatrix([a, b, c]);
  // var(a) = 5/3; cov(a, b) = 10/3; cov(a, c) = -5/3 (the NaN row is left out everywhere)
  assert.ok(Math.abs(cov[0]![0]! - 5 / 3) < 1e-12);
  assert.ok(Math.abs(cov[0]![1]! - 10 / 3) < 1e-12);
  assert.ok(Math.abs(cov[2]![0]! + 5 / 3) < 1e-12);
  const corr = correlationMatrix([a, b, c, [1, 1, 1, 1, 1]]);
  assert.ok(Math.abs(corr[0]![1]! - 1) < 1e-12);
  assert.ok(Math.abs(corr[0]![2]! + 1) < 1e-12);
  assert.ok(Number.isNaN(corr[3]![0]!));
  assert.throws(() => covarianceMatrix([a, [1, 2]]), /equal length/);
});
