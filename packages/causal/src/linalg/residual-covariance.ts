/** Pivots below this (relative to the variance) are treated as linear dependence inside the conditioning set. */
const SINGULAR = 1e-12;

/** Residual (co)variances of x and y after linear regression on S: [σ_xx·S, σ_xy·S, σ_yy·S]. */
export type ResidualCovariance = readonly [number, number, number];

/**
 * From a p×p covariance or correlation matrix R: with R_SS = L Lᵀ, a = L⁻¹R_Sx and b = L⁻¹R_Sy, the residual
 * covariances are R_xx − a·a, R_xy − a·b, R_yy − b·b. A conditioning variable that is an exact linear
 * combination of earlier ones is skipped, which leaves the projection — hence the result — unchanged.
 */
export function residualCovariance(
  r: Float64Array,
  p: number,
  x: number,
  y: number,
  s: readonly number[],
): ResidualCovariance {
  const k = s.length;
  let xy = r[x * p + y] as number;
  let xx = r[x * p + x] as number;
  let yy = r[y * p + y] as number;
  if (k === 0) return [xx, xy, yy];
  const l = new Float64Array(k * k);
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const live = new Uint8Array(k);
  for (let i = 0; i < k; i++) {
    const si = s[i] as number;
    for (let j = 0; j <= i; j++) {
      if (j < i && !live[j]) continue;
      let sum = r[si * p + (s[j] as number)] as number;
      for (let m = 0; m < j; m++) if (live[m]) sum -= (l[i * k + m] as number) * (l[j * k + m] as number);
      if (j < i) l[i * k + j] = sum / (l[j * k + j] as number);
      else if (sum > SINGULAR * (r[si * p + si] as number)) {
        l[i * k + i] = Math.sqrt(sum);
        live[i] = 1;
      }
    }
    if (!live[i]) continue;
    let sa = r[si * p + x] as number;
    let sb = r[si * p + y] as number;
    for (let m = 0; m < i; m++) {
      if (!live[m]) continue;
      sa -= (l[i * k + m] as number) * (a[m] as number);
      sb -= (l[i * k + m] as number) * (b[m] as number);
    }
    const ai = sa / (l[i * k + i] as number);
    const bi = sb / (l[i * k + i] as number);
    a[i] = ai;
    b[i] = bi;
    xy -= ai * bi;
    xx -= ai * ai;
    yy -= bi * bi;
  }
  return [xx, xy, yy];
}
