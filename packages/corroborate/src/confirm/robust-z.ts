import { expectPositiveInteger, VigilArgumentError, withDefaults } from "@vigil/core";
import { SlidingMedian } from "./sliding-median.ts";

/**
 * Consistency constant for the MAD of normal data: 1/Φ⁻¹(3/4) = 1.482602218505602, so that k·MAD
 * estimates σ. The SLAC paper (Appendix B) prints k ≈ 1.4286 — a transposition of these digits; with it
 * the scores would come out 3.6 % too large. We use the consistent 1.4826.
 */
export const MAD_TO_SIGMA = 1.482602218505602;

export interface RobustZOptions {
  /** Lagging window l: the score of x_t uses the l values before it and their l residuals. */
  windowLength: number;
  /**
   * Where scores are wanted (1) — others come out NaN and, with the sliding method, cost nothing beyond
   * the 2l values of history each wanted run needs. Undefined: everywhere.
   */
  wanted: Uint8Array | undefined;
}

const DEFAULTS: RobustZOptions = { windowLength: 600, wanted: undefined };

/**
 * Robust z-scores with a lagging window of l values (SLAC Appendix B), over the finite values of x:
 *   μ̂_t = median(x_{t−l} … x_{t−1}),  r_t = |x_t − μ̂_t|,  σ̂_t = k · median(r_{t−l} … r_{t−1}),
 *   a_t = r_t / σ̂_t   (σ̂_t = 0: 0 for r_t = 0, else ∞).
 * Non-finite values (missing readings) are skipped: their score is NaN and they are in no window. The
 * first 2l finite values have no score (the residual window needs l residuals, each needing l values).
 *
 * Each window slides by one value per step in a SlidingMedian, O(1) typical per step.
 */
export function robustZScores(x: Float64Array, options?: Partial<RobustZOptions>): Float64Array {
  const { l, wanted } = validated("robustZScores", x, options);
  const { values, index } = finiteValues(x);
  const residuals = new Float64Array(values.length);
  const out = new Float64Array(x.length).fill(Number.NaN);
  const valueWindow = new SlidingMedian(l);
  const residualWindow = new SlidingMedian(l);
  for (const [first, last] of wantedRuns(index, wanted, l)) {
    // r_k for k in [first − l, last]: the σ̂ of `first` needs the l residuals before it.
    valueWindow.reset(values, first - 2 * l);
    for (let k = first - l; k <= last; k++) {
      if (k > first - l) valueWindow.advance();
      residuals[k] = Math.abs(values[k]! - valueWindow.median());
    }
    residualWindow.reset(residuals, first - l);
    for (let k = first; k <= last; k++) {
      if (k > first) residualWindow.advance();
      const i = index[k]!;
      if (wanted === undefined || wanted[i] === 1)
        out[i] = zScore(residuals[k]!, MAD_TO_SIGMA * residualWindow.median());
    }
  }
  return out;
}

/**
 * The same scores by the definition written out: every lagging window copied and sorted, O(n · l log l).
 * The baseline of the tests and of bench/corroborate/confirm.ts; `wanted` only masks its output.
 */
export function robustZScoresByRecomputation(
  x: Float64Array,
  options?: Partial<RobustZOptions>,
): Float64Array {
  const { l, wanted } = validated("robustZScoresByRecomputation", x, options);
  const { values, index } = finiteValues(x);
  const medianOf = (w: Float64Array): number => {
    const s = w.slice().sort();
    const m = s.length >> 1;
    return s.length & 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
  };
  const residuals = new Float64Array(values.length).fill(Number.NaN);
  for (let k = l; k < values.length; k++)
    residuals[k] = Math.abs(values[k]! - medianOf(values.subarray(k - l, k)));
  const out = new Float64Array(x.length).fill(Number.NaN);
  for (let k = 2 * l; k < values.length; k++) {
    const i = index[k]!;
    if (wanted === undefined || wanted[i] === 1)
      out[i] = zScore(residuals[k]!, MAD_TO_SIGMA * medianOf(residuals.subarray(k - l, k)));
  }
  return out;
}

function validated(what: string, x: Float64Array, options: Partial<RobustZOptions> | undefined) {
  const o = withDefaults(what, DEFAULTS, options);
  const l = expectPositiveInteger("windowLength", o.windowLength);
  if (o.wanted !== undefined && o.wanted.length !== x.length)
    throw new VigilArgumentError(
      `Expected wanted to have the signal's length ${x.length} but received length ${o.wanted.length}`,
      { name: "wanted" },
    );
  return { l, wanted: o.wanted };
}

function zScore(residual: number, sigma: number): number {
  return sigma > 0 ? residual / sigma : residual > 0 ? Number.POSITIVE_INFINITY : 0;
}

/** The finite values of x in order, and where each came from. */
function finiteValues(x: Float64Array): { values: Float64Array; index: Int32Array } {
  const values = new Float64Array(x.length);
  const index = new Int32Array(x.length);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    values[k] = v;
    index[k] = i;
    // Branch-free compaction: a skipped value is overwritten by the next one.
    k += Number.isFinite(v) ? 1 : 0;
  }
  return { values: values.subarray(0, k), index: index.subarray(0, k) };
}

/**
 * Maximal runs [first, last] of finite-value positions k ≥ 2l whose value is wanted. Runs whose residual
 * histories [first − l, last] touch or overlap are merged, so no residual is computed twice; across a
 * wider gap the windows are rebuilt instead, costing l residuals and two rebuilds.
 */
function wantedRuns(index: Int32Array, wanted: Uint8Array | undefined, l: number): [number, number][] {
  if (wanted === undefined) return index.length > 2 * l ? [[2 * l, index.length - 1]] : [];
  const runs: [number, number][] = [];
  let first = -1;
  let last = -1;
  for (let k = 2 * l; k < index.length; k++) {
    if (wanted[index[k]!] === 0) continue;
    if (first >= 0 && k - l > last + 1) {
      runs.push([first, last]);
      first = -1;
    }
    if (first < 0) first = k;
    last = k;
  }
  if (first >= 0) runs.push([first, last]);
  return runs;
}
