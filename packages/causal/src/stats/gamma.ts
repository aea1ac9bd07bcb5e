import { logGamma } from "@vigil/core/stats";

const EPS = 1e-14;
const MAX_ITER = 500;

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a): series below a + 1, Lentz continued fraction above. */
export function upperRegularizedGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let i = 0; i < MAX_ITER && Math.abs(del) > Math.abs(sum) * EPS; i++) {
      del *= x / ++ap;
      sum += del;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(lead) * h;
}

/** Survival function of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareSurvival(statistic: number, df: number): number {
  return upperRegularizedGamma(df / 2, statistic / 2);
}

/** ψ(1..n) for integer arguments: ψ(1) = −γ, ψ(k + 1) = ψ(k) + 1/k. Index i holds ψ(i); index 0 is unused. */
export function digammaTable(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  table[0] = Number.NaN;
  let value = -0.5772156649015329;
  for (let k = 1; k <= n; k++) {
    table[k] = value;
    value += 1 / k;
  }
  return table;
}
