import { sortedFinite } from "../threshold/index.ts";

export interface KsResult {
  /** sup |F_reference − F_current|. */
  readonly statistic: number;
  /** Asymptotic p-value with Stephens' small-sample correction (Numerical Recipes' probks). */
  readonly pValue: number;
}

/** Kolmogorov's survival function Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), with the dual series for small λ. */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    // Jacobi's dual form converges fast where the alternating series does not.
    const y = Math.exp((-Math.PI * Math.PI) / (8 * lambda * lambda));
    let sum = 0;
    for (let k = 1; k <= 9; k += 2) sum += y ** (k * k);
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum;
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}

/** Two-sample Kolmogorov–Smirnov test; NaN values are skipped. */
export function ksTwoSample(reference: ArrayLike<number>, current: ArrayLike<number>): KsResult {
  const a = sortedFinite("reference", reference);
  const b = sortedFinite("current", current);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i]!, b[j]!);
    // Step past every copy of v in both samples before comparing the CDFs, so ties do not count as gaps.
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  const en = Math.sqrt((a.length * b.length) / (a.length + b.length));
  return { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d) };
}
