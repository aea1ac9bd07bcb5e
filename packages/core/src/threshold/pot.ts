import { VigilArgumentError } from "../errors/index.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";
import { quantileOfSorted, sortedFinite } from "./empirical-quantile.ts";
import { fitGpd, type GpdFit } from "./gpd.ts";

export interface PotOptions {
  /** Risk q: the probability, per observation, of exceeding the returned threshold. */
  risk: number;
  /** Empirical quantile of the data used as the initial threshold t (Siffer et al.: 0.98). */
  initialQuantile: number;
  /**
   * Streaming (SPOT/DSPOT) only: the peaks kept for the tail fit. Siffer et al. keep every peak, so the
   * refit at each new peak and the saved state grow without bound; at 2·maxPeaks every second peak is
   * dropped and the observation count halved, which keeps the tail's shape and N_t/n.
   */
  maxPeaks: number;
}

export const POT_DEFAULTS: PotOptions = { risk: 1e-4, initialQuantile: 0.98, maxPeaks: 5000 };

export interface PotResult {
  /** z_q: exceeded with probability q under the fitted tail. */
  readonly threshold: number;
  /** t: excesses over it were fitted. */
  readonly initialThreshold: number;
  readonly fit: GpdFit;
  /** The excesses over t, x − t (N_t of them). */
  readonly excesses: Float64Array;
  /** Number of observations n. */
  readonly observations: number;
}

export function validatePotOptions(what: string, options: Partial<PotOptions> | undefined): PotOptions {
  const o = withDefaults(what, POT_DEFAULTS, options);
  expectNumber("risk", o.risk, Number.MIN_VALUE, 1);
  expectNumber("initialQuantile", o.initialQuantile, 0, 1);
  expectNumber("maxPeaks", o.maxPeaks, 10);
  return o;
}

/** z_q = t + σ/γ · ((q·n/N_t)^(−γ) − 1), or t − σ·ln(q·n/N_t) for γ = 0 (Siffer et al. 2017, eq. 1). */
export function potQuantile(
  t: number,
  fit: GpdFit,
  observations: number,
  peaks: number,
  risk: number,
): number {
  const r = (risk * observations) / peaks;
  if (fit.gamma === 0) return t - fit.sigma * Math.log(r);
  return t + (fit.sigma / fit.gamma) * (r ** -fit.gamma - 1);
}

/** Excesses over t in the data, or an error that says how to get some. */
export function excessesOver(sorted: Float64Array, t: number): Float64Array {
  const out = sorted.filter((x) => x > t).map((x) => x - t);
  if (out.length === 0) {
    throw new VigilArgumentError(
      `Expected values above the initial threshold ${t} to fit a tail, but none exceed it; lower initialQuantile or give more varied data`,
    );
  }
  return out;
}

/** Peaks-over-threshold (Siffer et al., KDD 2017): a threshold with exceedance probability q from a GPD tail fit. */
export function potThreshold(scores: ArrayLike<number>, options?: Partial<PotOptions>): PotResult {
  const o = validatePotOptions("potThreshold", options);
  const sorted = sortedFinite("scores", scores);
  const t = quantileOfSorted(sorted, o.initialQuantile);
  const excesses = excessesOver(sorted, t);
  const fit = fitGpd(excesses);
  return {
    threshold: potQuantile(t, fit, sorted.length, excesses.length, o.risk),
    initialThreshold: t,
    fit,
    excesses,
    observations: sorted.length,
  };
}
