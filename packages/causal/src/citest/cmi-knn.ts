import { createRng, type Rng } from "@vigil/core/random";
import { kthSmallest } from "@vigil/core/stats";
import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { rowCount, validateMatrix } from "../data/matrix.ts";
import { hashSeed } from "../random/hash-seed.ts";
import { digammaTable } from "../stats/gamma.ts";
import { randomTieRanks } from "../stats/ranks.ts";
import { type CITest, cached, testKey } from "./types.ts";

export interface CmiKnnOptions {
  /** Neighbours for the CMI estimate as a fraction of n (Runge 2018 / tigramite default 0.1). */
  readonly knnFraction: number;
  /** Neighbours in Z-space among which X values are permuted (tigramite default 5). */
  readonly shuffleNeighbours: number;
  /** Permutations of the null distribution. */
  readonly permutations: number;
  readonly seed: number;
}

export const CMI_KNN_DEFAULTS: CmiKnnOptions = {
  knnFraction: 0.1,
  shuffleNeighbours: 5,
  permutations: 100,
  seed: 0,
};

/**
 * Frenzel–Pompe / KSG estimate of I(X; Y | Z) with max-norm neighbourhoods on rank-transformed data:
 * ψ(k) − ⟨ψ(k_xz) − ψ(k_z) + ψ(k_yz)⟩, counts including the point itself (as tigramite).
 */
export function cmiKnnEstimate(
  x: Float64Array,
  y: Float64Array,
  z: readonly Float64Array[],
  k: number,
  psi: Float64Array,
): number {
  const n = x.length;
  const dist = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const yi = y[i] as number;
    for (let j = 0; j < n; j++) {
      let d = Math.max(Math.abs(xi - (x[j] as number)), Math.abs(yi - (y[j] as number)));
      for (const zc of z) d = Math.max(d, Math.abs((zc[i] as number) - (zc[j] as number)));
      dist[j] = d;
    }
    // index 0 of the sorted distances is the point itself (distance 0)
    const eps = kthSmallest(dist, k, n);
    let kxz = 0;
    let kyz = 0;
    let kz = 0;
    for (let j = 0; j < n; j++) {
      let dz = 0;
      for (const zc of z) dz = Math.max(dz, Math.abs((zc[i] as number) - (zc[j] as number)));
      if (dz >= eps) continue;
      kz++;
      if (Math.abs(xi - (x[j] as number)) < eps) kxz++;
      if (Math.abs(yi - (y[j] as number)) < eps) kyz++;
    }
    sum += (psi[kxz] as number) + (psi[kyz] as number) - (psi[kz] as number);
  }
  return (psi[k] as number) - sum / n;
}

/** For each row, its `m` nearest rows in Z-space (max-norm, itself included), in random order. */
function zNeighbours(z: readonly Float64Array[], m: number, rng: Rng): Int32Array[] {
  const n = z[0]?.length ?? 0;
  const dist = new Float64Array(n);
  const out: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let d = 0;
      for (const zc of z) d = Math.max(d, Math.abs((zc[i] as number) - (zc[j] as number)));
      dist[j] = d;
    }
    const radius = kthSmallest(Float64Array.from(dist), m - 1, n);
    const near: number[] = [];
    for (let j = 0; j < n && near.length < m; j++) if ((dist[j] as number) <= radius) near.push(j);
    for (let a = near.length - 1; a > 0; a--) {
      const b = rng.int(a + 1);
      [near[a], near[b]] = [near[b] as number, near[a] as number];
    }
    out.push(Int32Array.from(near));
  }
  return out;
}

/** Runge's local permutation: each row takes the X of a not-yet-used Z-neighbour, preserving X–Z dependence. */
function locallyPermuted(x: Float64Array, neighbours: Int32Array[], rng: Rng): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let a = n - 1; a > 0; a--) {
    const b = rng.int(a + 1);
    [order[a], order[b]] = [order[b] as number, order[a] as number];
  }
  const used = new Uint8Array(n);
  const out = new Float64Array(n);
  for (const i of order) {
    const near = neighbours[i] as Int32Array;
    let m = 0;
    while (m < near.length - 1 && used[near[m] as number]) m++;
    const pick = near[m] as number;
    used[pick] = 1;
    out[i] = x[pick] as number;
  }
  return out;
}

function fullyPermuted(x: Float64Array, rng: Rng): Float64Array {
  const out = Float64Array.from(x);
  for (let a = out.length - 1; a > 0; a--) {
    const b = rng.int(a + 1);
    [out[a], out[b]] = [out[b] as number, out[a] as number];
  }
  return out;
}

/**
 * CMIknn (Runge, AISTATS 2018): nonparametric CI test for continuous data, CMI by k-NN and a null
 * distribution from local permutations of X within Z-neighbourhoods. Brute-force neighbour search:
 * O(permutations · n² · (|S| + 2)) per test, fine for n up to a few thousand.
 */
export function cmiKnnTest(data: DataMatrix, options?: Partial<CmiKnnOptions>): CITest {
  const o = withDefaults("cmiKnnTest options", CMI_KNN_DEFAULTS, options);
  expectNumber("knnFraction", o.knnFraction, 1e-6, 0.5);
  expectInteger("shuffleNeighbours", o.shuffleNeighbours, 1);
  expectInteger("permutations", o.permutations, 1);
  validateMatrix(data);
  const n = rowCount(data);
  const rankRng = createRng(o.seed);
  const ranked = data.columns.map((c) => randomTieRanks(c, rankRng));
  const k = Math.max(1, Math.round(o.knnFraction * n));
  const psi = digammaTable(n + 1);
  return cached({
    name: "cmiknn",
    variables: ranked.length,
    minPValue: 1 / (o.permutations + 1),
    test(x, y, s) {
      const rng = createRng(hashSeed(o.seed, testKey(x, y, s)));
      // permute the lower-numbered variable so that (x, y) and (y, x) give the same answer
      const xs = ranked[Math.min(x, y)] as Float64Array;
      const ys = ranked[Math.max(x, y)] as Float64Array;
      const zs = s.map((v) => ranked[v] as Float64Array);
      const value = cmiKnnEstimate(xs, ys, zs, k, psi);
      const neighbours = zs.length > 0 ? zNeighbours(zs, Math.min(o.shuffleNeighbours, n), rng) : undefined;
      let atLeast = 0;
      for (let b = 0; b < o.permutations; b++) {
        const permuted =
          neighbours === undefined ? fullyPermuted(xs, rng) : locallyPermuted(xs, neighbours, rng);
        if (cmiKnnEstimate(permuted, ys, zs, k, psi) >= value) atLeast++;
      }
      return { pValue: (atLeast + 1) / (o.permutations + 1), statistic: value };
    },
  });
}
