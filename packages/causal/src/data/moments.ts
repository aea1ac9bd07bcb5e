import type { DataMatrix } from "./matrix.ts";
import { rowCount } from "./matrix.ts";

/** Sample means and the covariance matrix (row-major p×p, divisor n − 1): the sufficient statistics of Gaussian CI tests. */
export interface Moments {
  readonly n: number;
  readonly means: Float64Array;
  readonly covariance: Float64Array;
}

export function computeMoments(data: DataMatrix): Moments {
  const p = data.columns.length;
  const n = rowCount(data);
  const means = new Float64Array(p);
  const centred = data.columns.map((column, c) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += column[i] as number;
    const mean = sum / n;
    means[c] = mean;
    return column.map((v) => v - mean);
  });
  const covariance = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const ca = centred[a] as Float64Array;
    for (let b = a; b < p; b++) {
      const cb = centred[b] as Float64Array;
      let s = 0;
      for (let i = 0; i < n; i++) s += (ca[i] as number) * (cb[i] as number);
      const v = s / (n - 1);
      covariance[a * p + b] = v;
      covariance[b * p + a] = v;
    }
  }
  return { n, means, covariance };
}

/** Correlation matrix from a covariance matrix; a constant variable gets correlation 0 with the others. */
export function correlationFromCovariance(covariance: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) {
      const d = Math.sqrt((covariance[a * p + a] as number) * (covariance[b * p + b] as number));
      out[a * p + b] = a === b ? 1 : d > 0 ? (covariance[a * p + b] as number) / d : 0;
    }
  }
  return out;
}
