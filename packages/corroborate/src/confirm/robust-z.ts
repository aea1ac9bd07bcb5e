import { expectPositiveInteger } from "@vigil/core";
import { SlidingMedian } from "./sliding-median.ts";

/**
 * Consistency constant for the MAD of normal data: 1/Φ⁻¹(3/4) = 1.482602218505602, so that k·MAD
 * estimates σ. The SLAC paper (Appendix B) prints 1.4286 — a transposition of these digits; with it the
 * scores would come out 3.6 % too large.
 */
export const MAD_TO_SIGMA = 1.482602218505602;

/**
 * Streaming robust z-score with a lagging window of l values (SLAC Appendix B):
 *   μ̂_t = median(x_{t−l} … x_{t−1}),  σ̂_t = k · median(|x_{t−l} − μ̂_{t−l}| … |x_{t−1} − μ̂_{t−1}|),
 *   a_t = |x_t − μ̂_t| / σ̂_t.
 * NaN until 2l values have been seen (the residual window needs l residuals, each needing l values).
 * NaN inputs are skipped (score NaN, window unchanged). σ̂ = 0 gives 0 for a zero residual, else ∞.
 */
export class RobustZScorer {
  private readonly values: SlidingMedian;
  private readonly residuals: SlidingMedian;

  constructor(windowLength: number) {
    expectPositiveInteger("windowLength", windowLength);
    this.values = new SlidingMedian(windowLength);
    this.residuals = new SlidingMedian(windowLength);
  }

  push(x: number): number {
    if (Number.isNaN(x)) return Number.NaN;
    let score = Number.NaN;
    if (this.values.full) {
      const residual = Math.abs(x - this.values.median());
      if (this.residuals.full) {
        const sigma = MAD_TO_SIGMA * this.residuals.median();
        score = sigma > 0 ? residual / sigma : residual > 0 ? Number.POSITIVE_INFINITY : 0;
      }
      this.residuals.push(residual);
    }
    this.values.push(x);
    return score;
  }
}

/** Robust z-scores of a whole signal, streaming. */
export function robustZScores(x: Float64Array, windowLength: number): Float64Array {
  const scorer = new RobustZScorer(windowLength);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = scorer.push(x[i]!);
  return out;
}

/**
 * The same scores by direct recomputation: every window copied and sorted. O(n · l log l); the
 * definition written out, used as the baseline in tests and bench/corroborate/confirm.ts.
 */
export function robustZScoresByRecomputation(x: Float64Array, windowLength: number): Float64Array {
  const l = expectPositiveInteger("windowLength", windowLength);
  const valid = x.filter((v) => !Number.isNaN(v));
  const index = new Int32Array(x.length).fill(-1);
  for (let i = 0, k = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) index[i] = k++;
  const medianOf = (w: Float64Array): number => {
    const s = w.slice().sort();
    const m = s.length >> 1;
    return s.length & 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
  };
  const residual = new Float64Array(valid.length).fill(Number.NaN);
  for (let k = l; k < valid.length; k++)
    residual[k] = Math.abs(valid[k]! - medianOf(valid.subarray(k - l, k)));
  const out = new Float64Array(x.length).fill(Number.NaN);
  for (let i = 0; i < x.length; i++) {
    const k = index[i]!;
    if (k < 2 * l) continue;
    const sigma = MAD_TO_SIGMA * medianOf(residual.subarray(k - l, k));
    out[i] = sigma > 0 ? residual[k]! / sigma : residual[k]! > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return out;
}
