import { residualCovariance } from "../linalg/residual-covariance.ts";

/** A decomposable score: the log-score of node j given a parent set; higher is better. */
export interface LocalScore {
  readonly variables: number;
  local(j: number, parents: readonly number[]): number;
}

/**
 * Gaussian BIC from a correlation matrix and n: −n/2·log σ²(j | parents) − λ/2·|parents|·log n, the constant
 * terms (which cancel in every comparison) dropped. λ = 1 is Schwarz's BIC. Memoised per (j, parents).
 */
export function gaussianBic(correlation: Float64Array, n: number, penalty = 1): LocalScore {
  const p = Math.round(Math.sqrt(correlation.length));
  const memo = new Map<string, number>();
  return {
    variables: p,
    local(j, parents) {
      const key = `${j}|${[...parents].sort((a, b) => a - b).join(",")}`;
      let v = memo.get(key);
      if (v === undefined) {
        const [residual] = residualCovariance(correlation, p, j, j, parents);
        v = -0.5 * n * Math.log(Math.max(residual, 1e-300)) - 0.5 * penalty * parents.length * Math.log(n);
        memo.set(key, v);
      }
      return v;
    },
  };
}
