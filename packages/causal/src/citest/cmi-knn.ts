import { createRng, hashSeed, type Rng } from "@vigil/core/random";
import { kthSmallest } from "@vigil/core/stats";
import { expectInteger, expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { rowCount, validateMatrix } from "../data/matrix.ts";
import { KdTree } from "../neighbours/kd-tree.ts";
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
  /**
   * "kdtree": neighbour searches and range counts on kd-trees with bounding boxes; "brute": the O(n²) scans,
   * kept as the reference; "auto": kd-trees from KD_TREE_MIN_ROWS rows on (below that the scans' tight loops
   * win, bench/causal/cmi-knn-speed.ts). All give identical statistics and p-values.
   */
  readonly neighbourSearch: NeighbourSearch;
}

export const NEIGHBOUR_SEARCHES = ["auto", "kdtree", "brute"] as const;

/** Rows from which "auto" uses kd-trees: 200 rows ran 0.8× and 500 rows 1.9× the speed of the scans. */
export const KD_TREE_MIN_ROWS = 300;
export type NeighbourSearch = (typeof NEIGHBOUR_SEARCHES)[number];

export const CMI_KNN_DEFAULTS: CmiKnnOptions = {
  knnFraction: 0.1,
  shuffleNeighbours: 5,
  permutations: 100,
  seed: 0,
  neighbourSearch: "auto",
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

/** Trees that do not change when X is permuted, built once per test. */
interface FixedTrees {
  readonly yz: KdTree;
  readonly z: KdTree | undefined;
}

function fixedTrees(y: Float64Array, z: readonly Float64Array[]): FixedTrees {
  return { yz: new KdTree([y, ...z]), z: z.length > 0 ? new KdTree(z) : undefined };
}

/** cmiKnnEstimate with kd-tree searches: the same value, O(n·(k + n^(1−1/d))) instead of O(n²) per estimate. */
function cmiKnnEstimateKd(
  x: Float64Array,
  y: Float64Array,
  z: readonly Float64Array[],
  k: number,
  psi: Float64Array,
  fixed: FixedTrees,
): number {
  const n = x.length;
  const joint = new KdTree([x, y, ...z]);
  const xz = new KdTree([x, ...z]);
  const terms = new Float64Array(n);
  // visit rows in tree order so that the previous row's k-th distance plus the step between them bounds the next
  let previous = -1;
  let previousEps = Infinity;
  for (const i of joint.treeOrder()) {
    const bound = previous < 0 ? Infinity : previousEps + joint.distance(i, previous);
    const eps = joint.kthDistance(i, k, bound);
    const kxz = xz.countWithin(i, eps);
    const kyz = fixed.yz.countWithin(i, eps);
    // without Z every row is a Z-neighbour (distance 0) as soon as eps > 0, as in the scan
    const kz = fixed.z === undefined ? (eps > 0 ? n : 0) : fixed.z.countWithin(i, eps);
    terms[i] = (psi[kxz] as number) + (psi[kyz] as number) - (psi[kz] as number);
    previous = i;
    previousEps = eps;
  }
  // summed in row order, as the scan does, so the value is bit-identical
  let sum = 0;
  for (let i = 0; i < n; i++) sum += terms[i] as number;
  return (psi[k] as number) - sum / n;
}

/** zNeighbours by kd-tree: the same rows in the same order (ties at the radius resolved by row index). */
function zNeighboursKd(tree: KdTree, m: number, rng: Rng): Int32Array[] {
  const out: Int32Array[] = [];
  for (let i = 0; i < tree.size; i++) {
    const near = tree.rowsWithin(i, tree.kthDistance(i, m - 1)).slice(0, m);
    out.push(Int32Array.from(rng.shuffle(near)));
  }
  return out;
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
    out.push(Int32Array.from(rng.shuffle(near)));
  }
  return out;
}

/** Runge's local permutation: each row takes the X of a not-yet-used Z-neighbour, preserving X–Z dependence. */
function locallyPermuted(x: Float64Array, neighbours: Int32Array[], rng: Rng): Float64Array {
  const n = x.length;
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
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
  return rng.shuffle(Float64Array.from(x));
}

/**
 * CMIknn (Runge, AISTATS 2018): nonparametric CI test for continuous data, CMI by k-NN and a null
 * distribution from local permutations of X within Z-neighbourhoods. Neighbour searches run on kd-trees by
 * default; the brute-force scans (O(permutations · n² · (|S| + 2)) per test) remain as the reference.
 */
export function cmiKnnTest(data: DataMatrix, options?: Partial<CmiKnnOptions>): CITest {
  const o = withDefaults("cmiKnnTest options", CMI_KNN_DEFAULTS, options);
  expectNumber("knnFraction", o.knnFraction, 1e-6, 0.5);
  expectInteger("shuffleNeighbours", o.shuffleNeighbours, 1);
  expectInteger("permutations", o.permutations, 1);
  const search = expectOneOf("neighbourSearch", o.neighbourSearch, NEIGHBOUR_SEARCHES);
  validateMatrix(data);
  const n = rowCount(data);
  const kd = search === "kdtree" || (search === "auto" && n >= KD_TREE_MIN_ROWS);
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
      const fixed = kd ? fixedTrees(ys, zs) : undefined;
      const estimate = (xp: Float64Array): number =>
        fixed === undefined
          ? cmiKnnEstimate(xp, ys, zs, k, psi)
          : cmiKnnEstimateKd(xp, ys, zs, k, psi, fixed);
      const value = estimate(xs);
      const m = Math.min(o.shuffleNeighbours, n);
      const neighbours =
        zs.length === 0
          ? undefined
          : fixed?.z === undefined
            ? zNeighbours(zs, m, rng)
            : zNeighboursKd(fixed.z, m, rng);
      let atLeast = 0;
      for (let b = 0; b < o.permutations; b++) {
        const permuted =
          neighbours === undefined ? fullyPermuted(xs, rng) : locallyPermuted(xs, neighbours, rng);
        if (estimate(permuted) >= value) atLeast++;
      }
      return { pValue: (atLeast + 1) / (o.permutations + 1), statistic: value };
    },
  });
}
