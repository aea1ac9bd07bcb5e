import { expectNumber } from "../validate/index.ts";

/**
 * Changepoint indices where startProbability exceeds `threshold` (SLAC Appendix C: 0.1). A changepoint
 * is usually judged likely at several neighbouring indices; each run of exceedances yields its argmax.
 * Index 0 is skipped: the first observation starts a run by definition.
 */
export function changepointsFromStartProbability(startProbability: Float64Array, threshold = 0.1): number[] {
  expectNumber("threshold", threshold, 0, 1);
  const out: number[] = [];
  let best = -1;
  for (let i = 1; i < startProbability.length; i++) {
    const p = startProbability[i]!;
    if (p > threshold) {
      if (best < 0 || p > startProbability[best]!) best = i;
    } else if (best >= 0) {
      out.push(best);
      best = -1;
    }
  }
  if (best >= 0) out.push(best);
  return out;
}
