import type { SkabEvaluation } from "./skab-evaluation.ts";

/** One leaderboard row in the JSON shape of `vigil bench skab --json`. */
export interface SkabRow {
  readonly detector: string;
  readonly f1: number;
  /** %, 100 · FP / (FP + TN). */
  readonly far: number;
  /** %, 100 · FN / (FN + TP). */
  readonly mar: number;
  readonly nab_standard: number;
  readonly nab_lowfp: number;
  readonly nab_lowfn: number;
  /** Changepoint windows without a detection. */
  readonly missed_cps: number;
  /** Predicted changepoints outside every window. */
  readonly fps: number;
}

export function skabRow(detector: string, evaluation: SkabEvaluation): SkabRow {
  const { outlier, changepoint } = evaluation;
  return {
    detector,
    f1: outlier.f1,
    far: outlier.far,
    mar: outlier.mar,
    nab_standard: changepoint.profiles.standard.score,
    nab_lowfp: changepoint.profiles.reward_low_FP.score,
    nab_lowfn: changepoint.profiles.reward_low_FN.score,
    missed_cps: changepoint.missed,
    fps: changepoint.falsePositives,
  };
}
