import assert from "node:assert/strict";
import { test } from "node:test";
import { createRng } from "../../src/random/index.ts";
import { kMeans, meanSilhouette } from "../../src/stats/index.ts";

const centres = [
  [0, 0],
  [10, 0],
  [0, 10],
];

function blobs(seed: number, perBlob: number, spread: number): { points: Float64Array[]; truth: number[] } {
  const rng = createRng(seed);
  const points: Float64Array[] = [];
  const truth: number[] = [];
  for (const [c, [x, y]] of centres.entries()) {
    for (let i = 0; i < perBlob; i++) {
      points.push(Float64Array.of(x! + spread * rng.normal(), y! + spread * rng.normal()));
      truth.push(c);
    }
  }
  return { points, truth };
}

test("k-means recovers three separated blobs exactly", () => {
  const { points, truth } = blobs(1, 100, 1);
  const result = kMeans(points, { k: 3, rng: createRng(2) });
  // The clustering equals the truth up to a relabelling.
  const map = new Map<number, number>();
  for (let i = 0; i < points.length; i++) {
    const c = result.assignment[i]!;
    if (!map.has(c)) map.set(c, truth[i]!);
    assert.equal(map.get(c), truth[i]);
  }
  for (const centroid of result.centroids) {
    const nearest = centres.map(([x, y]) => Math.hypot(centroid[0]! - x!, centroid[1]! - y!));
    assert.ok(Math.min(...nearest) < 0.3);
  }
});

test("the silhouette peaks at the true number of clusters", () => {
  const { points } = blobs(3, 60, 1);
  const scores = [2, 3, 4, 5].map((k) =>
    meanSilhouette(points, kMeans(points, { k, rng: createRng(k) }).assignment, k),
  );
  assert.equal(scores.indexOf(Math.max(...scores)) + 2, 3, `${scores}`);
  assert.ok(scores[1]! > 0.7);
});
