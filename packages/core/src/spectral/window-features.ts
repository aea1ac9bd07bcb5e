import { presentValues } from "../stats/finite.ts";

/** Condition-monitoring statistics of one window (NaN skipped; all NaN when the window has no value). */
export interface WindowFeatures {
  readonly mean: number;
  /** Population standard deviation. */
  readonly std: number;
  readonly rms: number;
  /** Pearson kurtosis (3 for a normal signal; bearing faults push it up). */
  readonly kurtosis: number;
  /** peak |x| / rms. */
  readonly crestFactor: number;
  readonly peakToPeak: number;
}

export function windowFeatures(window: ArrayLike<number>): WindowFeatures {
  const x = presentValues(window);
  const n = x.length;
  let [sum, sumSq, peak, lo, hi] = [0, 0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const v of x) {
    sum += v;
    sumSq += v * v;
    peak = Math.max(peak, Math.abs(v));
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const v of x) {
    const d2 = (v - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  const rms = Math.sqrt(sumSq / n);
  return {
    mean,
    std: Math.sqrt(m2 / n),
    rms,
    kurtosis: m4 / n / (m2 / n) ** 2,
    crestFactor: peak / rms,
    peakToPeak: hi - lo,
  };
}
