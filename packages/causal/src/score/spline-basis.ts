import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger } from "@vigil/core/validate";

/**
 * Cubic B-spline basis of one variable with `interiorKnots` knots at its empirical quantiles, boundary knots
 * at its minimum and maximum. The K + 4 basis functions sum to one, so after centring one is redundant with
 * the intercept and is dropped: the result has K + 3 centred columns (column-major, one Float64Array each).
 * Quantile knots put equal numbers of rows between knots, so heavy tails do not leave empty spans.
 * A constant variable has no basis (zero columns).
 */
export function centredSplineBasis(values: Float64Array, interiorKnots: number): Float64Array[] {
  expectInteger("interiorKnots", interiorKnots, 0, 100);
  const n = values.length;
  if (n < interiorKnots + 5) {
    throw new VigilArgumentError(
      `centredSplineBasis: ${n} rows cannot support ${interiorKnots} interior knots (need at least ${interiorKnots + 5})`,
    );
  }
  const sorted = Float64Array.from(values).sort();
  const lo = sorted[0] as number;
  const hi = sorted[n - 1] as number;
  // a constant carries no information: no columns, so as a parent it neither explains nor costs anything
  if (lo === hi) return [];
  const knots: number[] = [lo, lo, lo, lo];
  for (let k = 1; k <= interiorKnots; k++) {
    const q = sorted[Math.min(n - 1, Math.floor((k * n) / (interiorKnots + 1)))] as number;
    // tied quantiles (discrete-ish data) would create zero-width spans; keep knots strictly increasing
    if (q > (knots[knots.length - 1] as number) && q < hi) knots.push(q);
  }
  knots.push(hi, hi, hi, hi);
  const size = knots.length - 4;
  const basis = Array.from({ length: size }, () => new Float64Array(n));
  const local = new Float64Array(4);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    // span s with knots[s] <= x < knots[s + 1], the last span closed on the right
    let s = 3;
    while (s < size - 1 && x >= (knots[s + 1] as number)) s++;
    deBoorCubic(knots, s, x, local);
    for (let r = 0; r < 4; r++) (basis[s - 3 + r] as Float64Array)[i] = local[r] as number;
  }
  basis.pop();
  for (const column of basis) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i] as number;
    mean /= n;
    for (let i = 0; i < n; i++) column[i] = (column[i] as number) - mean;
  }
  return basis;
}

/** The four cubic B-splines non-zero on span s at x (Cox–de Boor recursion, de Boor's "BSPLVB"). */
function deBoorCubic(knots: readonly number[], s: number, x: number, out: Float64Array): void {
  const left = new Float64Array(4);
  const right = new Float64Array(4);
  out.fill(0);
  out[0] = 1;
  for (let j = 1; j <= 3; j++) {
    left[j] = x - (knots[s + 1 - j] as number);
    right[j] = (knots[s + j] as number) - x;
    let saved = 0;
    for (let r = 0; r < j; r++) {
      const denominator = (right[r + 1] as number) + (left[j - r] as number);
      const term = denominator === 0 ? 0 : (out[r] as number) / denominator;
      out[r] = saved + (right[r + 1] as number) * term;
      saved = (left[j - r] as number) * term;
    }
    out[j] = saved;
  }
}
