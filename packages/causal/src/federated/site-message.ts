import { createRng } from "@vigil/core/random";
import { expectNumber, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { rowCount, validateMatrix } from "../data/matrix.ts";
import { computeMoments, correlationFromCovariance } from "../data/moments.ts";

/** What one site sends: its sufficient statistics for Gaussian CI tests, never rows. */
export interface SiteMessage {
  readonly n: number;
  /** Present for exact pooling; omitted when the site sends only a (possibly noised) correlation matrix. */
  readonly means: Float64Array | undefined;
  readonly covariance: Float64Array | undefined;
  readonly correlation: Float64Array;
  /** Size of the message as float64 values: n, then means and the upper triangle of the matrix sent. */
  readonly bytes: number;
  /** The differential-privacy guarantee of this message, when noised. */
  readonly privacy: { readonly epsilon: number; readonly delta: number; readonly sigma: number } | undefined;
}

export interface DpOptions {
  readonly epsilon: number;
  readonly delta: number;
  /** Rows of standardised data are clipped to this L2 norm; default √p (a typical row's norm). */
  readonly clipNorm: number | undefined;
  readonly seed: number;
}

export const DP_DEFAULTS: DpOptions = { epsilon: 1, delta: 1e-5, clipNorm: undefined, seed: 0 };

function upperTriangleBytes(p: number): number {
  return 8 * ((p * (p + 1)) / 2);
}

/** The exact message: n, means and covariance, from which a server can pool sites exactly. */
export function siteMessage(data: DataMatrix): SiteMessage {
  validateMatrix(data);
  const p = data.columns.length;
  const m = computeMoments(data);
  return {
    n: m.n,
    means: m.means,
    covariance: m.covariance,
    correlation: correlationFromCovariance(m.covariance, p),
    bytes: 8 + 8 * p + upperTriangleBytes(p),
    privacy: undefined,
  };
}

/**
 * A differentially private message (Gaussian mechanism, Dwork & Roth Thm A.1, valid for ε < 1): the second-moment
 * matrix M = (1/n) Σ z zᵀ of rows z standardised and clipped to ‖z‖₂ ≤ C. Replacing one row moves the upper
 * triangle of M by at most 2C²/n in L2, so noise σ = (2C²/n)·√(2 ln(1.25/δ))/ε on each entry gives (ε, δ)-DP.
 * Assumption, stated rather than hidden: the per-channel location and scale used to standardise, and n, are
 * treated as public (e.g. nominal sensor ranges); only M is protected.
 */
export function privateSiteMessage(data: DataMatrix, options?: Partial<DpOptions>): SiteMessage {
  const o = withDefaults("privateSiteMessage options", DP_DEFAULTS, options);
  expectNumber("epsilon", o.epsilon, 1e-9, 1);
  expectNumber("delta", o.delta, 1e-15, 0.5);
  validateMatrix(data);
  const p = data.columns.length;
  const n = rowCount(data);
  const moments = computeMoments(data);
  const clip = o.clipNorm ?? Math.sqrt(p);
  expectNumber("clipNorm", clip, 1e-9);
  const scale = Array.from({ length: p }, (_, i) => Math.sqrt(moments.covariance[i * p + i] as number) || 1);
  const m = new Float64Array(p * p);
  const z = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let i = 0; i < p; i++) {
      z[i] = ((data.columns[i] as Float64Array)[r]! - (moments.means[i] as number)) / (scale[i] as number);
      norm += (z[i] as number) ** 2;
    }
    const shrink = Math.min(1, clip / Math.sqrt(norm || 1));
    for (let a = 0; a < p; a++)
      for (let b = a; b < p; b++)
        m[a * p + b] = (m[a * p + b] as number) + (z[a] as number) * (z[b] as number) * shrink * shrink;
  }
  const sigma = ((2 * clip * clip) / n) * (Math.sqrt(2 * Math.log(1.25 / o.delta)) / o.epsilon);
  const rng = createRng(o.seed);
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      const v = (m[a * p + b] as number) / n + sigma * rng.normal();
      m[a * p + b] = v;
      m[b * p + a] = v;
    }
  }
  return {
    n,
    means: undefined,
    covariance: undefined,
    correlation: correlationFromCovariance(m, p),
    bytes: 8 + upperTriangleBytes(p),
    privacy: { epsilon: o.epsilon, delta: o.delta, sigma },
  };
}
