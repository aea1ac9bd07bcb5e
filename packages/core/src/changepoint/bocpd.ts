import { VigilArgumentError } from "../errors/index.ts";
import { expectInteger, expectNumber, withDefaults } from "../validate/index.ts";
import type { ConjugateModel } from "./conjugate-model.ts";

export interface BocpdOptions {
  /** λ of the constant hazard H = 1/λ (expected run length). SLAC Appendix C: 1e5. */
  hazardTimescale: number;
  /**
   * Run-length hypotheses kept. Longer runs are dropped and the rest renormalised, which bounds the cost
   * at O(n · maxRunLength) and makes the model judge a long run by its latest maxRunLength observations.
   */
  maxRunLength: number;
  /** L in startProbability; must not exceed maxRunLength. SLAC Appendix C: 100. */
  lag: number;
}

const DEFAULTS: BocpdOptions = { hazardTimescale: 1e5, maxRunLength: 300, lag: 100 };

export interface BocpdResult {
  /**
   * startProbability[i] = P(r_{i+L−1} = L | x_0..x_{i+L−1}): judged L observations later, the probability
   * that a run began at i. NaN for the last L − 1 indices (not yet judged).
   */
  readonly startProbability: Float64Array;
  /** Most probable current run length (observations in the run, including x_t) after each x_t. */
  readonly mapRunLength: Int32Array;
}

/**
 * Bayesian online changepoint detection (Adams & MacKay 2007) with a constant hazard, in log space.
 * Run length r_t counts the observations of the current run including x_t, so
 *   P(r_t = 1)     ∝ H · p(x_t | prior)
 *   P(r_t = r + 1) ∝ P(r_{t−1} = r) · (1 − H) · p(x_t | run of the previous r observations).
 */
export function bocpd(
  observations: ArrayLike<number>,
  model: ConjugateModel,
  options?: Partial<BocpdOptions>,
): BocpdResult {
  const o = withDefaults("bocpd", DEFAULTS, options);
  expectNumber("hazardTimescale", o.hazardTimescale, 1);
  const maxRun = expectInteger("maxRunLength", o.maxRunLength, 1);
  const lag = expectInteger("lag", o.lag, 1, maxRun);
  const n = observations.length;
  const size = model.size;
  const logH = -Math.log(o.hazardTimescale);
  const logNotH = Math.log1p(-1 / o.hazardTimescale);
  const prior = new Float64Array(size);
  model.writePrior(prior, 0);
  // Index r (1..maxRun) holds the run-length-r hypothesis; index 0 is unused.
  let logP = new Float64Array(maxRun + 1);
  let nextLogP = new Float64Array(maxRun + 1);
  let params = new Float64Array((maxRun + 1) * size);
  let nextParams = new Float64Array((maxRun + 1) * size);
  const startProbability = new Float64Array(n).fill(Number.NaN);
  const mapRunLength = new Int32Array(n);
  let active = 0;
  for (let t = 0; t < n; t++) {
    const x = observations[t]!;
    if (!Number.isFinite(x)) {
      throw new VigilArgumentError(`Expected finite observations for bocpd but index ${t} is ${x}`);
    }
    const grown = Math.min(active, maxRun - 1);
    let top = t === 0 ? 0 : logH + model.logPredictive(prior, 0, x);
    nextLogP[1] = top;
    model.update(prior, 0, x, nextParams, size);
    for (let r = 1; r <= grown; r++) {
      const v = logP[r]! + model.logPredictive(params, r * size, x) + logNotH;
      nextLogP[r + 1] = v;
      if (v > top) top = v;
      model.update(params, r * size, x, nextParams, (r + 1) * size);
    }
    active = grown + 1;
    let sum = 0;
    for (let r = 1; r <= active; r++) sum += Math.exp(nextLogP[r]! - top);
    const logZ = top + Math.log(sum);
    let best = 1;
    for (let r = 1; r <= active; r++) {
      nextLogP[r] = nextLogP[r]! - logZ;
      if (nextLogP[r]! > nextLogP[best]!) best = r;
    }
    [logP, nextLogP] = [nextLogP, logP];
    [params, nextParams] = [nextParams, params];
    mapRunLength[t] = best;
    if (lag <= active) startProbability[t - lag + 1] = Math.exp(logP[lag]!);
  }
  return { startProbability, mapRunLength };
}
