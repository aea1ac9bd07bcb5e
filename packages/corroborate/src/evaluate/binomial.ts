import { expectInteger, expectNumber } from "@vigil/core";

/**
 * Wilson score interval for a binomial proportion k/n at z standard errors (z = 1 is the 1-σ interval
 * the SLAC paper quotes for its random-window false-positive rate). Unlike k/n ± z·sqrt(p(1−p)/n) it
 * stays inside [0, 1] and is not degenerate at k = 0.
 */
export function wilsonInterval(k: number, n: number, z = 1): { rate: number; low: number; high: number } {
  expectInteger("n", n, 1);
  expectInteger("k", k, 0, n);
  expectNumber("z", z, 0);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
