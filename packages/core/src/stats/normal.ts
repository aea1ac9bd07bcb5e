/**
 * Standard normal distribution to near double precision, for thresholds, calibration and tests that
 * compare p-values far into the tails (an erfc fit with 1e-7 relative error is not enough there).
 */

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

const HART_NUM = [
  0.0352624965998911, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871,
  221.213596169931, 220.206867912376,
];
const HART_DEN = [
  0.0883883476483184, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831,
  793.826512519948, 440.413735824752,
];

/** Polynomial with coefficients from the highest power down, at z. */
function horner(coefficients: readonly number[], z: number): number {
  let out = 0;
  for (const c of coefficients) out = out * z + c;
  return out;
}

/**
 * Φ(x) to about 1e-14 relative error, tails included: Hart's double-precision rational approximation as
 * given by West (2005), "Better approximations to cumulative normal functions", for |x| < 3, and a
 * continued fraction beyond.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x);
  const tail = z < 3 ? (Math.exp(-0.5 * z * z) * horner(HART_NUM, z)) / horner(HART_DEN, z) : millsTail(z);
  return x > 0 ? 1 - tail : tail;
}

/**
 * 1 − Φ(z) for z ≥ 3 from Laplace's continued fraction φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), evaluated
 * backwards over 60 terms: relative error near 1e-16 there, where Hart's fit is only absolutely accurate.
 */
function millsTail(z: number): number {
  let fraction = z;
  for (let k = 60; k >= 1; k--) fraction = z + k / fraction;
  return normalPdf(z) / fraction;
}

/** P(|Z| > |z|): the two-sided p-value of a standard-normal statistic, accurate far into the tails. */
export function twoSidedNormalP(z: number): number {
  return 2 * normalCdf(-Math.abs(z));
}

// Acklam's coefficients, highest power first; denominators end in their constant term 1.
const CENTRAL_NUM = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const CENTRAL_DEN = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572, 1,
];
const TAIL_NUM = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const TAIL_DEN = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416, 1];

/** Acklam's rational approximation to Φ⁻¹ (relative error 1.15e-9), the start of the refinement below. */
function acklam(p: number): number {
  const tail = (q: number): number => horner(TAIL_NUM, q) / horner(TAIL_DEN, q);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 0.97575) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  return (horner(CENTRAL_NUM, q * q) * q) / horner(CENTRAL_DEN, q * q);
}

/**
 * Φ⁻¹(p): Acklam's approximation refined by one Halley step on `normalCdf`, which brings it to the
 * accuracy of the CDF itself. ±Infinity at 0 and 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const x = acklam(p);
  // Φ(x) − p, evaluated on the smaller tail where the CDF keeps relative precision.
  const error = p > 0.5 ? 1 - p - normalCdf(-x) : normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
