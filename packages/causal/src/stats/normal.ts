import { normalCdf } from "@vigil/core/stats";

/** Two-sided p-value of a standard-normal statistic, accurate far into the tails. */
export function twoSidedNormalP(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}
