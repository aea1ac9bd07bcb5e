import { VigilArgumentError } from "../errors/index.ts";
import { createRng } from "../random/index.ts";
import { quantileOfSorted } from "../threshold/index.ts";
import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { expectMatchingDimensions } from "./dimensions.ts";

export interface MmdOptions {
  /** Random relabellings of the pooled sample for the p-value. */
  permutations: number;
  /** Drift is flagged when the p-value is below this. */
  alpha: number;
  /** Gaussian kernel width σ in k(a, b) = exp(−‖a − b‖² / (2σ²)); undefined = median pairwise distance. */
  bandwidth: number | undefined;
  seed: number;
}

const DEFAULTS: MmdOptions = { permutations: 200, alpha: 0.05, bandwidth: undefined, seed: 0 };

export interface MmdResult {
  readonly drift: boolean;
  /** Unbiased estimate of MMD² (can be slightly negative without drift). */
  readonly mmd2: number;
  /** (1 + #{permuted MMD² ≥ observed}) / (1 + permutations). */
  readonly pValue: number;
  readonly bandwidth: number;
}

/** Rows of column-major data, dropping rows with a missing value. */
function completeRows(name: string, columns: readonly ArrayLike<number>[]): Float64Array[] {
  const n = columns[0]?.length ?? 0;
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = Float64Array.from(columns, (c) => c[i]!);
    if (row.every((v) => !Number.isNaN(v))) rows.push(row);
  }
  if (rows.length < 2)
    throw new VigilArgumentError(`Expected at least two complete rows in ${name} but found ${rows.length}`);
  return rows;
}

function squaredDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k]! - b[k]!) ** 2;
  return s;
}

/** Unbiased MMD² with the first n of `order` as one sample and the rest as the other. */
function mmd2(kernel: Float64Array, size: number, order: Int32Array, n: number): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let a = 0; a < size; a++) {
    const row = order[a]! * size;
    for (let b = a + 1; b < size; b++) {
      const k = kernel[row + order[b]!]!;
      if (b < n) xx += k;
      else if (a >= n) yy += k;
      else xy += k;
    }
  }
  const m = size - n;
  return (2 * xx) / (n * (n - 1)) + (2 * yy) / (m * (m - 1)) - (2 * xy) / (n * m);
}

/**
 * Maximum mean discrepancy two-sample test (Gretton et al. 2012) with a Gaussian kernel, the median heuristic for
 * its width, and a permutation test; data as one column per dimension (e.g. latent means), rows with NaN dropped.
 * Memory and time are O((n + m)²) per permutation: subsample large references first.
 */
export function mmdTest(
  reference: readonly ArrayLike<number>[],
  current: readonly ArrayLike<number>[],
  options?: Partial<MmdOptions>,
): MmdResult {
  const o = withDefaults("mmdTest", DEFAULTS, options);
  const permutations = expectPositiveInteger("permutations", o.permutations);
  expectNumber("alpha", o.alpha, 0, 1);
  expectInteger("seed", o.seed);
  expectMatchingDimensions(reference, current);
  const referenceRows = completeRows("reference", reference);
  const rows = [...referenceRows, ...completeRows("current", current)];
  const n = referenceRows.length;
  const size = rows.length;
  const d2 = new Float64Array(size * size);
  const upper: number[] = [];
  for (let a = 0; a < size; a++) {
    for (let b = a + 1; b < size; b++) {
      const v = squaredDistance(rows[a]!, rows[b]!);
      d2[a * size + b] = v;
      d2[b * size + a] = v;
      upper.push(Math.sqrt(v));
    }
  }
  const bandwidth =
    o.bandwidth === undefined
      ? quantileOfSorted(Float64Array.from(upper).sort(), 0.5)
      : expectNumber("bandwidth", o.bandwidth, Number.MIN_VALUE);
  if (!(bandwidth > 0)) throw new VigilArgumentError("All pooled points coincide: the median distance is 0");
  const kernel = d2.map((v) => Math.exp(-v / (2 * bandwidth * bandwidth)));
  const order = Int32Array.from({ length: size }, (_, i) => i);
  const observed = mmd2(kernel, size, order, n);
  const rng = createRng(o.seed);
  let exceed = 0;
  for (let p = 0; p < permutations; p++) {
    rng.shuffle(order);
    if (mmd2(kernel, size, order, n) >= observed) exceed++;
  }
  const pValue = (1 + exceed) / (1 + permutations);
  return { drift: pValue < o.alpha, mmd2: observed, pValue, bandwidth };
}
