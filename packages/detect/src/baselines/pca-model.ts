import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import type { Moments } from "./moments.ts";

/** What scoring needs, derived deterministically from the training moments. */
export interface PcaModel {
  readonly mean: Float64Array;
  /** Per-channel standard deviation (floored, so a constant training channel still standardises). */
  readonly scale: Float64Array;
  /** Retained loadings, row-major C×k (columns are unit eigenvectors of the correlation matrix). */
  readonly loadings: Float64Array;
  /** Their eigenvalues, descending. */
  readonly eigenvalues: Float64Array;
  /** Sum of the discarded eigenvalues: the expected Q on training data. */
  readonly residualVariance: number;
  readonly components: number;
}

/**
 * PCA of the correlation matrix. With `components` undefined, keeps the fewest components that
 * explain `varianceExplained` of the variance, but at most C−1 so that the Q statistic is not
 * identically zero.
 */
export function pcaFromMoments(
  m: Moments,
  varianceExplained: number,
  components: number | undefined,
): PcaModel {
  const dims = m.mean.length;
  const divisor = Math.max(m.count - 1, 1);
  const scale = Float64Array.from(m.mean, (mu, c) =>
    Math.max(Math.sqrt(m.comoment[c * dims + c]! / divisor), 1e-9 * (1 + Math.abs(mu))),
  );
  const correlation = new Matrix(dims, dims);
  for (let i = 0; i < dims; i++) {
    for (let j = 0; j < dims; j++)
      correlation.set(i, j, m.comoment[i * dims + j]! / divisor / (scale[i]! * scale[j]!));
  }
  const evd = new EigenvalueDecomposition(correlation, { assumeSymmetric: true });
  const order = evd.realEigenvalues.map((value, index) => ({ value: Math.max(value, 0), index }));
  order.sort((a, b) => b.value - a.value);
  const total = order.reduce((s, e) => s + e.value, 0);

  let k = components ?? 0;
  if (components === undefined) {
    let explained = 0;
    while (k < dims && explained < varianceExplained * total) explained += order[k++]!.value;
    k = Math.max(1, Math.min(k, dims - 1));
  }
  k = Math.min(k, dims);
  // A retained eigenvalue of ~0 would divide T² by zero; it carries no variance either way.
  const tiny = 1e-12 * Math.max(total, 1);
  const eigenvalues = Float64Array.from(order.slice(0, k), (e) => Math.max(e.value, tiny));
  const loadings = new Float64Array(dims * k);
  for (let i = 0; i < k; i++) {
    for (let c = 0; c < dims; c++) loadings[c * k + i] = evd.eigenvectorMatrix.get(c, order[i]!.index);
  }
  const residualVariance = order.slice(k).reduce((s, e) => s + e.value, 0);
  return { mean: m.mean, scale, loadings, eigenvalues, residualVariance, components: k };
}
