import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "../../src/errors/index.ts";
import { createRng, hashSeed } from "../../src/random/index.ts";

test("the same seed gives the same stream; nearby seeds differ", () => {
  const a = createRng(42);
  const b = createRng(42);
  const c = createRng(43);
  const xs = Array.from({ length: 100 }, () => a.next());
  assert.deepEqual(
    xs,
    Array.from({ length: 100 }, () => b.next()),
  );
  const ys = Array.from({ length: 100 }, () => c.next());
  assert.ok(xs.filter((x, i) => x === ys[i]).length === 0);
  assert.equal(a.uniform, a.next);
});

test("uniform draws lie in [0, 1) with mean 1/2 and variance 1/12", () => {
  const rng = createRng(7);
  const n = 200_000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    sumSq += u * u;
  }
  const mean = sum / n;
  // Standard error of the mean is sqrt(1/12 / n) ≈ 6.5e-4: five of them.
  assert.ok(Math.abs(mean - 0.5) < 3.3e-3, `mean ${mean}`);
  assert.ok(Math.abs(sumSq / n - mean * mean - 1 / 12) < 2e-3);
});

test("normal draws have mean 0, variance 1 and normal tail frequencies", () => {
  const rng = createRng(1);
  const n = 200_000;
  let sum = 0;
  let sumSq = 0;
  let beyond196 = 0;
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    sum += z;
    sumSq += z * z;
    if (Math.abs(z) > 1.959964) beyond196++;
  }
  assert.ok(Math.abs(sum / n) < 0.012);
  assert.ok(Math.abs(sumSq / n - 1) < 0.015);
  // P(|Z| > 1.96) = 0.05, binomial standard error ≈ 4.9e-4.
  assert.ok(Math.abs(beyond196 / n - 0.05) < 0.0025, `tail ${beyond196 / n}`);
});

test("int(n) is uniform over [0, n): chi-square against the 0.999 quantile", () => {
  const rng = createRng(99);
  const k = 10;
  const n = 100_000;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) counts[rng.int(k)]!++;
  const expected = n / k;
  const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 27.88, `chi-square ${chi2} (9 degrees of freedom)`);
  assert.equal(rng.int(1), 0);
  assert.throws(() => rng.int(0), VigilArgumentError);
  assert.throws(() => rng.int(2.5), VigilArgumentError);
});

test("shuffle is an in-place permutation and every position is equally likely", () => {
  const rng = createRng(3);
  const items = [0, 1, 2, 3, 4];
  assert.equal(rng.shuffle(items), items);
  assert.deepEqual([...items].sort(), [0, 1, 2, 3, 4]);
  // Typed arrays shuffle in place too, with the same draws as an array of the same length.
  const typed = Float64Array.of(0, 1, 2, 3, 4, 5, 6, 7);
  assert.equal(createRng(8).shuffle(typed), typed);
  assert.deepEqual(Array.from(typed), createRng(8).shuffle([0, 1, 2, 3, 4, 5, 6, 7]));
  assert.notDeepEqual(Array.from(typed), [0, 1, 2, 3, 4, 5, 6, 7]);
  // Where element 0 lands over many shuffles: uniform over 5 places.
  const places = new Array<number>(5).fill(0);
  for (let t = 0; t < 50_000; t++) places[rng.shuffle([0, 1, 2, 3, 4]).indexOf(0)]!++;
  for (const count of places) assert.ok(Math.abs(count - 10_000) < 500, `${places}`);
});

test("a non-finite seed is rejected; large and negative seeds work", () => {
  assert.throws(() => createRng(Number.NaN), VigilArgumentError);
  assert.notEqual(createRng(-1).next(), createRng(1).next());
  assert.notEqual(createRng(2 ** 40).next(), createRng(0).next());
});

test("hashSeed is FNV-1a over the seed and key: deterministic, and sensitive to both", () => {
  // FNV-1a's offset basis for an empty key and seed 0; "a" is the published FNV-1a 32-bit test vector.
  assert.equal(hashSeed(0, ""), 0x811c9dc5);
  assert.equal(hashSeed(0, "a"), 0xe40c292c);
  assert.equal(hashSeed(7, "site 1"), hashSeed(7, "site 1"));
  assert.notEqual(hashSeed(7, "site 1"), hashSeed(7, "site 2"));
  assert.notEqual(hashSeed(7, "site 1"), hashSeed(8, "site 1"));
});

test("fork gives reproducible, key-dependent streams that do not repeat the parent's", () => {
  const draws = (rng: ReturnType<typeof createRng>) => Array.from({ length: 50 }, () => rng.next());
  const a = createRng(11);
  const b = createRng(11);
  const fa = a.fork("noise");
  assert.deepEqual(draws(fa), draws(b.fork("noise")));
  // The parent moved on by one draw, identically for both.
  assert.equal(a.next(), b.next());
  const x = draws(createRng(11).fork("noise"));
  const y = draws(createRng(11).fork("rows"));
  assert.equal(x.filter((v, i) => v === y[i]).length, 0);
  const parent = draws(createRng(11));
  assert.equal(x.filter((v) => parent.includes(v)).length, 0);
});
