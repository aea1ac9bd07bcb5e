import { residualCovariance } from "../linalg/residual-covariance.ts";

/** Partial correlation of x and y given S from a p×p correlation (or covariance) matrix. */
export function partialCorrelation(
  r: Float64Array,
  p: number,
  x: number,
  y: number,
  s: readonly number[],
): number {
  const [xx, xy, yy] = residualCovariance(r, p, x, y, s);
  if (xx <= 0 || yy <= 0) return 0;
  return Math.max(-1, Math.min(1, xy / Math.sqrt(xx * yy)));
}
