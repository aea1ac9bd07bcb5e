import { VigilArgumentError } from "../errors/index.ts";

/** Generalised Pareto distribution of excesses over a threshold: shape γ (0 = exponential tail), scale σ. */
export interface GpdFit {
  readonly gamma: number;
  readonly sigma: number;
  readonly logLikelihood: number;
}

export function gpdLogLikelihood(excesses: ArrayLike<number>, gamma: number, sigma: number): number {
  const n = excesses.length;
  if (sigma <= 0) return Number.NEGATIVE_INFINITY;
  if (gamma === 0) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += excesses[i]!;
    return -n * Math.log(sigma) - sum / sigma;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = 1 + (gamma * excesses[i]!) / sigma;
    if (z <= 0) return Number.NEGATIVE_INFINITY;
    sum += Math.log(z);
  }
  return -n * Math.log(sigma) - (1 + 1 / gamma) * sum;
}

/** Grimshaw's u(t)−1 = mean ln(1 + tY), which is γ at a root t = γ/σ. */
function meanLog1p(excesses: ArrayLike<number>, t: number): number {
  let s = 0;
  for (let i = 0; i < excesses.length; i++) s += Math.log1p(t * excesses[i]!);
  return s / excesses.length;
}

/** Grimshaw's w(t) = u(t)·v(t) − 1; the MLE satisfies w(γ/σ) = 0. */
function grimshawW(excesses: ArrayLike<number>, t: number): number {
  let logs = 0;
  let inv = 0;
  for (let i = 0; i < excesses.length; i++) {
    const s = 1 + t * excesses[i]!;
    logs += Math.log(s);
    inv += 1 / s;
  }
  const n = excesses.length;
  return (1 + logs / n) * (inv / n) - 1;
}

/**
 * Roots of w for t = sign·r with r in [near, far]: sign changes on a log-spaced grid (the roots of interest can
 * sit anywhere from near 0 to far out), each refined by bisection.
 */
function rootsOn(
  excesses: ArrayLike<number>,
  sign: 1 | -1,
  near: number,
  far: number,
  gridPoints: number,
): number[] {
  const roots: number[] = [];
  const step = Math.log(far / near) / gridPoints;
  let a = sign * near;
  let fa = grimshawW(excesses, a);
  for (let k = 1; k <= gridPoints; k++) {
    const b = sign * near * Math.exp(step * k);
    const fb = grimshawW(excesses, b);
    if (fa * fb < 0) {
      let l = a;
      let r = b;
      let fl = fa;
      for (let it = 0; it < 60; it++) {
        const m = (l + r) / 2;
        const fm = grimshawW(excesses, m);
        if (fl * fm <= 0) r = m;
        else {
          l = m;
          fl = fm;
        }
      }
      roots.push((l + r) / 2);
    }
    a = b;
    fa = fb;
  }
  return roots;
}

/**
 * Maximum-likelihood GPD fit by Grimshaw's (1993) reduction to one variable t = γ/σ, whose non-trivial roots
 * lie in (−1/Y_max, 0) and (0, 2(Ȳ−Y_min)/Y_min²). Roots are bracketed on log-spaced grids and bisected
 * (Siffer et al.'s code minimises w² with L-BFGS-B instead); the exponential fit γ = 0, σ = Ȳ is always a
 * candidate, and the candidate with the highest likelihood wins.
 */
export function fitGpd(excesses: ArrayLike<number>, gridPoints = 96): GpdFit {
  const n = excesses.length;
  if (n === 0) throw new VigilArgumentError("Expected at least one excess for fitGpd but received none");
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const y = excesses[i]!;
    if (!(y >= 0) || !Number.isFinite(y)) {
      throw new VigilArgumentError(`Expected finite non-negative excesses for fitGpd but index ${i} is ${y}`);
    }
    min = Math.min(min, y);
    max = Math.max(max, y);
    mean += y / n;
  }
  let best: GpdFit = { gamma: 0, sigma: mean, logLikelihood: gpdLogLikelihood(excesses, 0, mean) };
  if (max === 0 || n < 2) return best;
  // t = 0 is always a (trivial) root, so both searches start a few decades away from it.
  const near = 1e-6 / mean;
  const candidates = rootsOn(excesses, -1, near, (1 - 1e-9) / max, gridPoints);
  const far = min > 0 ? (2 * (mean - min)) / (min * min) : 1e6 / mean;
  if (far > near) candidates.push(...rootsOn(excesses, 1, near, far, gridPoints));
  for (const t of candidates) {
    const gamma = meanLog1p(excesses, t);
    const sigma = gamma / t;
    const logLikelihood = gpdLogLikelihood(excesses, gamma, sigma);
    if (logLikelihood > best.logLikelihood) best = { gamma, sigma, logLikelihood };
  }
  return best;
}
