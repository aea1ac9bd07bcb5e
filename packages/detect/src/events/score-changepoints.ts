import { bocpd, changepointsFromStartProbability, normalGammaModel } from "@vigil/core/changepoint";
import { quantileOfSorted, sortedFinite } from "@vigil/core/threshold";
import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";

export interface ScoreChangepointOptions {
  /**
   * λ of BOCPD's constant hazard 1/λ: the prior expected number of steps between regime changes of the machine
   * (250: about four minutes at 1 Hz, a few regimes per twenty-minute run).
   */
  hazardTimescale: number;
  /** A changepoint is reported where its start probability exceeds this (SLAC Appendix C: 0.1). */
  threshold: number;
  /** Observations after a candidate start before its probability is read. */
  lag: number;
  /** Run-length hypotheses kept (bounds the cost at O(n · maxRunLength)). */
  maxRunLength: number;
  /**
   * Pseudo-observations behind the normal mean in a new regime's prior (the Normal-Gamma's κ0). A run whose level
   * is far from normal inflates its own variance by κ0·n/(κ0+n)·(mean − normal)²/2, which at κ0 = 1 lets an
   * abnormal run absorb a second jump; smaller values keep abnormal levels apart. 0.1 was chosen over 1 on the
   * label-free SKAB validation set (bench/detect/skab-validation.ts: NAB 54.2 against 42.4, mean of 3 seeds).
   */
  meanPriorWeight: number;
}

export const SCORE_CHANGEPOINT_DEFAULTS: ScoreChangepointOptions = {
  hazardTimescale: 250,
  threshold: 0.1,
  lag: 10,
  maxRunLength: 300,
  meanPriorWeight: 0.1,
};

/**
 * What normal scores look like on the scale the changepoint model reads them: log(score − floor + offset), with
 * `floor` the reference minimum and `offset` its median excess over it (the score's own unit, so the reading does
 * not depend on units), and the mean and variance of the reference on that scale. Computed once from the scores
 * of normal data (e.g. the training part) and stored with a model's calibration.
 */
export interface ScoreRegimePrior {
  readonly floor: number;
  readonly offset: number;
  readonly mean: number;
  readonly variance: number;
}

/** The prior of `scoreChangepoints` from reference scores (NaN skipped; at least one finite score). */
export function scoreRegimePrior(reference: ArrayLike<number>): ScoreRegimePrior {
  const sorted = sortedFinite("reference scores", reference);
  const floor = sorted[0]!;
  const median = quantileOfSorted(sorted, 0.5) - floor;
  let excess = 0;
  for (const v of sorted) excess += v - floor;
  // Quantised scores can sit at their minimum half the time: then the mean excess is the unit.
  const offset = median > 0 ? median : excess > 0 ? excess / sorted.length : 1;
  const prior = { floor, offset, mean: 0, variance: 0 };
  let mean = 0;
  for (const v of sorted) mean += logExcess(prior, v);
  mean /= sorted.length;
  let variance = 0;
  for (const v of sorted) variance += (logExcess(prior, v) - mean) ** 2;
  return { floor, offset, mean, variance: variance / sorted.length };
}

function logExcess(prior: ScoreRegimePrior, score: number): number {
  return Math.log(Math.max(score - prior.floor, 0) + prior.offset);
}

/**
 * Steps where the regime of a detector's anomaly score changes: a fault's onset, the end of its build-up, the start
 * of the recovery and its end, each of which an alarm threshold sees at most as one crossing. BOCPD (Adams &
 * MacKay 2007) with a Normal-Gamma model runs on the log of the score above the normal minimum — errors and
 * distances are skewed and grow multiplicatively, so a level change is a shift on the log scale — with its prior
 * mean and variance those of normal scores (`scoreRegimePrior`).
 * Leading NaNs (steps without a full window) are skipped and an interior NaN repeats the last finite score, so a
 * gap never starts a regime. Each changepoint is dated at the step its new run began, judged `lag` steps later,
 * so this is an offline (delayed by `lag`) reading of the score. Indices are into `scores`, ascending.
 */
export function scoreChangepoints(
  scores: ArrayLike<number>,
  prior: ScoreRegimePrior,
  options?: Partial<ScoreChangepointOptions>,
): number[] {
  const o = withDefaults("scoreChangepoints options", SCORE_CHANGEPOINT_DEFAULTS, options);
  expectNumber("hazardTimescale", o.hazardTimescale, 1);
  expectNumber("threshold", o.threshold, 0, 1);
  const maxRunLength = expectInteger("maxRunLength", o.maxRunLength, 1);
  const lag = expectInteger("lag", o.lag, 1, maxRunLength);
  expectNumber("meanPriorWeight", o.meanPriorWeight, Number.MIN_VALUE);
  let first = 0;
  while (first < scores.length && !Number.isFinite(scores[first]!)) first++;
  if (first === scores.length) return [];
  const y = new Float64Array(scores.length - first);
  let last = scores[first]!;
  for (let i = first; i < scores.length; i++) {
    if (Number.isFinite(scores[i]!)) last = scores[i]!;
    y[i - first] = logExcess(prior, last);
  }
  // A constant reference has no spread: any later movement is then a change, judged against a tiny prior variance.
  const beta = prior.variance > 0 ? prior.variance : 1e-6;
  const { startProbability } = bocpd(
    y,
    normalGammaModel({ mean: prior.mean, kappa: o.meanPriorWeight, alpha: 1, beta }),
    {
      hazardTimescale: o.hazardTimescale,
      maxRunLength,
      lag,
    },
  );
  return changepointsFromStartProbability(startProbability, o.threshold).map((i) => i + first);
}
