import { squaredDistance } from "./kmeans.ts";

/**
 * Mean silhouette coefficient (Rousseeuw 1987) of a clustering, with Euclidean distances: for each point
 * (b − a) / max(a, b), where a is its mean distance within its cluster and b the smallest mean distance to
 * another cluster; points alone in their cluster score 0. O(n²·dim): callers subsample large sets.
 */
export function meanSilhouette(points: readonly Float64Array[], assignment: Int32Array, k: number): number {
  const n = points.length;
  if (k < 2 || n < 2) return Number.NaN;
  const counts = new Int32Array(k);
  for (const c of assignment) counts[c]!++;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++)
      if (j !== i) sums[assignment[j]!]! += Math.sqrt(squaredDistance(points[i]!, points[j]!));
    const own = assignment[i]!;
    if (counts[own]! <= 1) continue;
    const a = sums[own]! / (counts[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
