import { MAD_SCALE, medianAndMad } from "@vigil/core/stats";

/** √(π/2): the mean absolute deviation of a normal variable times this is its σ. */
const MEAN_DEVIATION_TO_SIGMA = Math.sqrt(Math.PI / 2);

/**
 * The median of the non-NaN values and a robust σ about it: the scaled MAD, or, when the MAD is 0 because at
 * least half the values equal the median (a quantised sensor that mostly reads one level, like SKAB's
 * pressure), the mean absolute deviation times √(π/2), which still sees the other levels. The scale is 0 only
 * when every value equals the median (a constant channel); both are NaN when there are no values.
 */
export function robustLocationScale(values: ArrayLike<number>): { median: number; scale: number } {
  const { median, mad } = medianAndMad(values);
  if (mad !== 0) return { median, scale: MAD_SCALE * mad };
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    sum += Math.abs(v - median);
    n++;
  }
  return { median, scale: (MEAN_DEVIATION_TO_SIGMA * sum) / n };
}
