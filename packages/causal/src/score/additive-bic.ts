import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { rowCount, validateMatrix } from "../data/matrix.ts";
import type { LocalScore } from "./gaussian-bic.ts";
import { centredSplineBasis } from "./spline-basis.ts";

export interface AdditiveBicOptions {
  /**
   * Interior knots of each parent's cubic regression spline; undefined = ⌊n^(1/5)⌋, the classical rate at
   * which the number of spline knots should grow for a twice-differentiable function (Stone 1982). This is the
   * fixed-basis score; `additiveHillClimb` chooses the count by BIC over a grid around this rate instead.
   */
  readonly interiorKnots: number | undefined;
  /** Multiplier of the BIC penalty ½·df·log n; 1 is Schwarz's BIC. */
  readonly penalty: number;
}

export const ADDITIVE_BIC_DEFAULTS: AdditiveBicOptions = { interiorKnots: undefined, penalty: 1 };

/** Relative ridge on the Gram diagonal: keeps the Cholesky alive when two parents' bases are collinear. */
const JITTER = 1e-9;

/**
 * BIC of a nonlinear additive-noise model x_j = Σ_{i ∈ pa(j)} f_ij(x_i) + ε_j (Gaussian ε), each f_ij a cubic
 * regression spline fitted by least squares — the model class of CAM (Bühlmann, Peters & Ernest 2014), scored
 * as −n/2·log(RSS/n) − λ/2·df·log n with df the number of spline coefficients. Unlike the Gaussian BIC it is
 * not score-equivalent: under additive noise, regressing in the causal direction leaves smaller residuals, so
 * the search can orient edges that no conditional-independence pattern orients.
 * The cross-products of every pair of bases are computed once (O(n·p²·d²)), after which a local score costs one
 * Cholesky factorisation of a (|pa|·d)² matrix, independent of n.
 */
export function additiveBic(data: DataMatrix, options?: Partial<AdditiveBicOptions>): LocalScore {
  const o = withDefaults("additiveBic options", ADDITIVE_BIC_DEFAULTS, options);
  validateMatrix(data);
  const n = rowCount(data);
  const p = data.columns.length;
  const knots = o.interiorKnots ?? Math.max(1, Math.floor(n ** 0.2));
  expectInteger("interiorKnots", knots, 0, 100);
  expectNumber("penalty", o.penalty, 0);
  const centred = data.columns.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i] as number;
    mean /= n;
    return column.map((v) => v - mean);
  });
  const bases = data.columns.map((column) => centredSplineBasis(column, knots));
  const width = bases.map((b) => b.length);
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a[i] as number) * (b[i] as number);
    return s;
  };
  // gram[a·p + b][u·d_b + v] = B_a[:,u] · B_b[:,v];  cross[a·p + j][u] = B_a[:,u] · y_j
  const gram: Float64Array[] = new Array(p * p);
  const cross: Float64Array[] = new Array(p * p);
  for (let a = 0; a < p; a++) {
    const ba = bases[a] as Float64Array[];
    for (let b = a; b < p; b++) {
      const bb = bases[b] as Float64Array[];
      const block = new Float64Array(ba.length * bb.length);
      const transposed = new Float64Array(ba.length * bb.length);
      for (let u = 0; u < ba.length; u++)
        for (let v = 0; v < bb.length; v++) {
          const s = dot(ba[u] as Float64Array, bb[v] as Float64Array);
          block[u * bb.length + v] = s;
          transposed[v * ba.length + u] = s;
        }
      gram[a * p + b] = block;
      gram[b * p + a] = transposed;
    }
    for (let j = 0; j < p; j++)
      cross[a * p + j] = Float64Array.from(ba, (column) => dot(column, centred[j] as Float64Array));
  }
  const total = centred.map((y) => dot(y, y));
  const logN = Math.log(n);
  const memo = new Map<string, number>();
  return {
    variables: p,
    local(j, parents) {
      const ps = [...parents].sort((a, b) => a - b);
      const key = `${j}|${ps.join(",")}`;
      let value = memo.get(key);
      if (value === undefined) {
        const rss = residualSumOfSquares(ps, j, p, width, gram, cross, total[j] as number);
        const df = ps.reduce((s, v) => s + (width[v] as number), 0);
        value = -0.5 * n * Math.log(Math.max(rss / n, 1e-300)) - 0.5 * o.penalty * df * logN;
        memo.set(key, value);
      }
      return value;
    },
  };
}

/** yᵀy − cᵀG⁻¹c for the stacked bases of `parents`, by Cholesky G = LLᵀ and w = L⁻¹c. */
function residualSumOfSquares(
  parents: readonly number[],
  j: number,
  p: number,
  width: readonly number[],
  gram: readonly Float64Array[],
  cross: readonly Float64Array[],
  yy: number,
): number {
  const offsets: number[] = [];
  let m = 0;
  for (const v of parents) {
    offsets.push(m);
    m += width[v] as number;
  }
  if (m === 0) return yy;
  const g = new Float64Array(m * m);
  const c = new Float64Array(m);
  parents.forEach((a, ia) => {
    const oa = offsets[ia] as number;
    const wa = width[a] as number;
    const ca = cross[a * p + j] as Float64Array;
    for (let u = 0; u < wa; u++) c[oa + u] = ca[u] as number;
    parents.forEach((b, ib) => {
      const ob = offsets[ib] as number;
      const wb = width[b] as number;
      const block = gram[a * p + b] as Float64Array;
      for (let u = 0; u < wa; u++)
        for (let v = 0; v < wb; v++) g[(oa + u) * m + ob + v] = block[u * wb + v] as number;
    });
  });
  let trace = 0;
  for (let i = 0; i < m; i++) trace += g[i * m + i] as number;
  const ridge = (JITTER * trace) / m;
  let explained = 0;
  for (let i = 0; i < m; i++) {
    for (let k = 0; k <= i; k++) {
      let s = g[i * m + k] as number;
      for (let t = 0; t < k; t++) s -= (g[i * m + t] as number) * (g[k * m + t] as number);
      if (k < i) g[i * m + k] = s / (g[k * m + k] as number);
      else g[i * m + i] = Math.sqrt(Math.max(s + ridge, ridge));
    }
    let w = c[i] as number;
    for (let t = 0; t < i; t++) w -= (g[i * m + t] as number) * (c[t] as number);
    w /= g[i * m + i] as number;
    c[i] = w;
    explained += w * w;
  }
  return Math.max(yy - explained, 0);
}
