import { VigilArgumentError } from "../errors/index.ts";
import type { Rng } from "../random/index.ts";
import { expectInteger, expectPositiveInteger, withDefaults } from "../validate/index.ts";

export interface KMeansOptions {
  /** Number of clusters. */
  k: number;
  /** Seeded generator for k-means++ initialisation. */
  rng: Rng;
  /** Lloyd iterations at most. */
  maxIterations: number;
  /** Independent k-means++ starts; the one with the smallest inertia wins. */
  restarts: number;
}

export interface KMeansResult {
  /** k centroids, each of the points' dimension. */
  readonly centroids: Float64Array[];
  /** Cluster of each point. */
  readonly assignment: Int32Array;
  /** Sum of squared distances of points to their centroids. */
  readonly inertia: number;
}

const DEFAULTS: Omit<KMeansOptions, "rng"> = { k: 2, maxIterations: 100, restarts: 4 };

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d]! - b[d]!) ** 2;
  return sum;
}

/** Index of the centroid nearest to `point` (squared Euclidean distance). */
export function nearestCentroid(point: ArrayLike<number>, centroids: readonly ArrayLike<number>[]): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let c = 0; c < centroids.length; c++) {
    const distance = squaredDistance(point, centroids[c]!);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return best;
}

/** k-means++ seeding (Arthur & Vassilvitskii): each next centre drawn with probability ∝ D². */
function seedCentroids(points: readonly Float64Array[], k: number, rng: Rng): Float64Array[] {
  const centroids = [Float64Array.from(points[rng.int(points.length)]!)];
  const d2 = points.map((p) => squaredDistance(p, centroids[0]!));
  while (centroids.length < k) {
    const total = d2.reduce((s, v) => s + v, 0);
    let pick = 0;
    if (total > 0) {
      let target = rng.next() * total;
      while (pick < points.length - 1 && target >= d2[pick]!) target -= d2[pick++]!;
    } else pick = rng.int(points.length);
    const centre = Float64Array.from(points[pick]!);
    centroids.push(centre);
    for (let i = 0; i < points.length; i++) d2[i] = Math.min(d2[i]!, squaredDistance(points[i]!, centre));
  }
  return centroids;
}

function lloyd(
  points: readonly Float64Array[],
  centroids: Float64Array[],
  maxIterations: number,
): KMeansResult {
  const dim = points[0]!.length;
  const assignment = new Int32Array(points.length).fill(-1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = false;
    for (let i = 0; i < points.length; i++) {
      const c = nearestCentroid(points[i]!, centroids);
      if (c !== assignment[i]) {
        assignment[i] = c;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centroids.map(() => new Float64Array(dim));
    const counts = new Int32Array(centroids.length);
    for (let i = 0; i < points.length; i++) {
      const c = assignment[i]!;
      counts[c]!++;
      for (let d = 0; d < dim; d++) sums[c]![d]! += points[i]![d]!;
    }
    // An emptied cluster keeps its centre rather than collapsing to NaN.
    for (let c = 0; c < centroids.length; c++) {
      if (counts[c]! > 0) for (let d = 0; d < dim; d++) centroids[c]![d] = sums[c]![d]! / counts[c]!;
    }
  }
  let inertia = 0;
  for (let i = 0; i < points.length; i++) inertia += squaredDistance(points[i]!, centroids[assignment[i]!]!);
  return { centroids, assignment, inertia };
}

/** k-means (Lloyd's algorithm, k-means++ starts) on NaN-free points of equal dimension. */
export function kMeans(
  points: readonly Float64Array[],
  options: Partial<KMeansOptions> & { rng: Rng },
): KMeansResult {
  const { rng, ...rest } = options;
  const o = withDefaults("kMeans", DEFAULTS, rest);
  expectInteger("k", o.k, 1, Math.max(1, points.length));
  expectPositiveInteger("maxIterations", o.maxIterations);
  expectPositiveInteger("restarts", o.restarts);
  if (points.length === 0)
    throw new VigilArgumentError("Expected at least one point for kMeans but received none");
  let best: KMeansResult | undefined;
  for (let r = 0; r < o.restarts; r++) {
    const result = lloyd(points, seedCentroids(points, o.k, rng), o.maxIterations);
    if (best === undefined || result.inertia < best.inertia) best = result;
  }
  return best!;
}
