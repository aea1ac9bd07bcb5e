import type { Rng } from "@vigil/core/random";

/**
 * Isolation trees stored as flat node arrays (all trees of a forest share them), children always
 * after their parent, so traversal terminates even on a restored, tampered model that passed
 * `checkForest`.
 */
export interface Forest {
  /** Split feature, or −1 for a leaf. */
  readonly feature: Float64Array;
  readonly threshold: Float64Array;
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** Number of training points that reached the node. */
  readonly size: Float64Array;
  /** Index of each tree's root. */
  readonly roots: Float64Array;
}

const EULER_GAMMA = 0.5772156649015329;

/** c(n): average path length of an unsuccessful binary-search-tree lookup among n points (Liu et al. 2008). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

class ForestBuilder {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly size: number[] = [];

  constructor(
    private readonly columns: readonly Float64Array[],
    private readonly rng: Rng,
    private readonly heightLimit: number,
  ) {}

  private leaf(size: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.size.push(size);
    return this.feature.length - 1;
  }

  /** Builds the subtree of the rows in `rows`, returning its node index. */
  grow(rows: number[], depth: number): number {
    if (depth >= this.heightLimit || rows.length <= 1) return this.leaf(rows.length);
    // Split only on features that vary here; a constant one cannot separate anything.
    const candidates: { f: number; min: number; max: number }[] = [];
    this.columns.forEach((x, f) => {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const r of rows) {
        min = Math.min(min, x[r]!);
        max = Math.max(max, x[r]!);
      }
      if (max > min) candidates.push({ f, min, max });
    });
    if (candidates.length === 0) return this.leaf(rows.length);
    const { f, min, max } = candidates[this.rng.int(candidates.length)]!;
    const split = min + this.rng.uniform() * (max - min);
    const node = this.leaf(rows.length);
    this.feature[node] = f;
    this.threshold[node] = split;
    const x = this.columns[f]!;
    this.left[node] = this.grow(
      rows.filter((r) => x[r]! < split),
      depth + 1,
    );
    this.right[node] = this.grow(
      rows.filter((r) => x[r]! >= split),
      depth + 1,
    );
    return node;
  }
}

/** Grows `trees` isolation trees, each on `subsample` rows drawn without replacement. */
export function growForest(
  columns: readonly Float64Array[],
  options: { trees: number; subsample: number; rng: Rng },
): Forest {
  const n = columns[0]?.length ?? 0;
  const builder = new ForestBuilder(
    columns,
    options.rng,
    Math.ceil(Math.log2(Math.max(options.subsample, 2))),
  );
  const all = Array.from({ length: n }, (_, i) => i);
  const roots: number[] = [];
  for (let tree = 0; tree < options.trees; tree++) {
    // Partial Fisher–Yates: the first `subsample` entries become a uniform sample.
    for (let i = 0; i < options.subsample; i++) {
      const j = i + options.rng.int(n - i);
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    roots.push(builder.grow(all.slice(0, options.subsample), 0));
  }
  return {
    feature: Float64Array.from(builder.feature),
    threshold: Float64Array.from(builder.threshold),
    left: Float64Array.from(builder.left),
    right: Float64Array.from(builder.right),
    size: Float64Array.from(builder.size),
    roots: Float64Array.from(roots),
  };
}

/** Path length h from `node` at `depth` down to a leaf, reading feature `swap` (if ≥ 0) as `value`. */
function descend(
  forest: Forest,
  node: number,
  depth: number,
  point: Float64Array,
  swap: number,
  value: number,
): number {
  while (forest.feature[node]! >= 0) {
    const f = forest.feature[node]!;
    const x = f === swap ? value : point[f]!;
    node = x < forest.threshold[node]! ? forest.left[node]! : forest.right[node]!;
    depth++;
  }
  return depth + averagePathLength(forest.size[node]!);
}

/**
 * Mean path length of `point`, and in `occluded[f]` the mean path length with feature f replaced by
 * `reference[f]`. The occluded path shares the point's path down to the first split on f that sends
 * the two values apart, so only those branches are walked again.
 */
export function pathLengths(
  forest: Forest,
  point: Float64Array,
  reference: Float64Array,
  occluded: Float64Array,
): number {
  const features = point.length;
  const diverged = new Uint8Array(features);
  let total = 0;
  occluded.fill(0);
  for (const root of forest.roots) {
    diverged.fill(0);
    let node = root;
    let depth = 0;
    while (forest.feature[node]! >= 0) {
      const f = forest.feature[node]!;
      const threshold = forest.threshold[node]!;
      const goesLeft = point[f]! < threshold;
      if (diverged[f] === 0 && goesLeft !== reference[f]! < threshold) {
        diverged[f] = 1;
        const other = goesLeft ? forest.right[node]! : forest.left[node]!;
        occluded[f]! += descend(forest, other, depth + 1, point, f, reference[f]!);
      }
      node = goesLeft ? forest.left[node]! : forest.right[node]!;
      depth++;
    }
    const h = depth + averagePathLength(forest.size[node]!);
    total += h;
    for (let f = 0; f < features; f++) if (diverged[f] === 0) occluded[f]! += h;
  }
  const trees = forest.roots.length;
  for (let f = 0; f < features; f++) occluded[f]! /= trees;
  return total / trees;
}

/** Why a restored forest is unusable, or undefined when it is sound for `features` features. */
export function checkForest(forest: Forest, features: number): string | undefined {
  const nodes = forest.feature.length;
  for (const root of forest.roots) {
    if (!Number.isInteger(root) || root < 0 || root >= nodes) return `tree root ${root} is not a node index`;
  }
  for (let node = 0; node < nodes; node++) {
    const f = forest.feature[node]!;
    if (f === -1) continue;
    if (!Number.isInteger(f) || f < 0 || f >= features)
      return `node ${node} splits on feature ${f} of ${features}`;
    for (const child of [forest.left[node]!, forest.right[node]!]) {
      if (!Number.isInteger(child) || child <= node || child >= nodes) {
        return `node ${node} has child ${child}; children must come after their parent`;
      }
    }
  }
  return undefined;
}
