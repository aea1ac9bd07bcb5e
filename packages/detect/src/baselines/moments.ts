/**
 * Count, mean and co-moment matrix (Σ (x−mean)(x−mean)ᵀ) of rows, mergeable with Chan et al.'s
 * pairwise update so a model can absorb new data without revisiting the old.
 */
export interface Moments {
  readonly count: number;
  readonly mean: Float64Array;
  /** Row-major C×C. */
  readonly comoment: Float64Array;
}

function nanMean(x: Float64Array): number {
  let sum = 0;
  let n = 0;
  for (const v of x) {
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/**
 * Moments of the columns' rows, a missing value replaced by `fill[c]` (by default the column's mean
 * over its present values, so that it adds no deviation).
 */
export function columnMoments(columns: readonly Float64Array[], fill?: Float64Array): Moments {
  const dims = columns.length;
  const count = columns[0]?.length ?? 0;
  const filler = fill ?? Float64Array.from(columns, nanMean);
  const value = (c: number, t: number): number => {
    const v = columns[c]![t]!;
    return Number.isNaN(v) ? filler[c]! : v;
  };
  const mean = new Float64Array(dims);
  for (let c = 0; c < dims; c++) {
    for (let t = 0; t < count; t++) mean[c]! += value(c, t);
    if (count > 0) mean[c]! /= count;
  }
  const comoment = new Float64Array(dims * dims);
  const d = new Float64Array(dims);
  for (let t = 0; t < count; t++) {
    for (let c = 0; c < dims; c++) d[c] = value(c, t) - mean[c]!;
    for (let i = 0; i < dims; i++) {
      for (let j = i; j < dims; j++) comoment[i * dims + j]! += d[i]! * d[j]!;
    }
  }
  for (let i = 0; i < dims; i++) for (let j = 0; j < i; j++) comoment[i * dims + j] = comoment[j * dims + i]!;
  return { count, mean, comoment };
}

export function mergeMoments(a: Moments, b: Moments): Moments {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  const count = a.count + b.count;
  const dims = a.mean.length;
  const delta = Float64Array.from(b.mean, (m, c) => m - a.mean[c]!);
  const mean = Float64Array.from(a.mean, (m, c) => m + (delta[c]! * b.count) / count);
  const comoment = Float64Array.from(a.comoment, (v, k) => {
    const i = Math.floor(k / dims);
    return v + b.comoment[k]! + (delta[i]! * delta[k % dims]! * a.count * b.count) / count;
  });
  return { count, mean, comoment };
}
