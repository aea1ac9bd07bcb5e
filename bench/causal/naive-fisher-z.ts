import type { CITest, DataMatrix } from "@vigil/causal";
import { fisherZStatistic } from "@vigil/causal";
import { twoSidedNormalP } from "@vigil/core/stats";

/**
 * The straightforward baseline: for every test, regress X and Y on S from the raw rows (normal equations
 * solved by Gaussian elimination) and correlate the residuals. No correlation matrix, no cache.
 */
export function naiveFisherZ(data: DataMatrix): CITest {
  const cols = data.columns;
  const n = cols[0]?.length ?? 0;
  const residual = (target: Float64Array, s: readonly number[]): Float64Array => {
    const k = s.length + 1;
    const design = [new Float64Array(n).fill(1), ...s.map((v) => cols[v] as Float64Array)];
    const a = Array.from({ length: k }, () => new Float64Array(k + 1));
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let sum = 0;
        for (let r = 0; r < n; r++) sum += (design[i] as Float64Array)[r]! * (design[j] as Float64Array)[r]!;
        a[i]![j] = sum;
      }
      let sum = 0;
      for (let r = 0; r < n; r++) sum += (design[i] as Float64Array)[r]! * target[r]!;
      a[i]![k] = sum;
    }
    for (let c = 0; c < k; c++) {
      for (let r = c + 1; r < k; r++) {
        const f = a[r]![c]! / a[c]![c]!;
        for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
      }
    }
    const beta = new Float64Array(k);
    for (let c = k - 1; c >= 0; c--) {
      let sum = a[c]![k]!;
      for (let j = c + 1; j < k; j++) sum -= a[c]![j]! * beta[j]!;
      beta[c] = sum / a[c]![c]!;
    }
    return target.map((v, r) => v - design.reduce((acc, d, i) => acc + beta[i]! * d[r]!, 0));
  };
  return {
    name: "naive-fisherz",
    variables: cols.length,
    test(x, y, s) {
      const rx = residual(cols[x] as Float64Array, s);
      const ry = residual(cols[y] as Float64Array, s);
      let xy = 0;
      let xx = 0;
      let yy = 0;
      for (let r = 0; r < n; r++) {
        xy += rx[r]! * ry[r]!;
        xx += rx[r]! * rx[r]!;
        yy += ry[r]! * ry[r]!;
      }
      const z = fisherZStatistic(xy / Math.sqrt(xx * yy), n, s.length);
      return { pValue: twoSidedNormalP(z), statistic: Math.abs(z) };
    },
  };
}
