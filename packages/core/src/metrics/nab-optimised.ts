import { VigilArgumentError } from "../errors/index.ts";
import { withDefaults } from "../validate/index.ts";
import { expectBinaryMask, expectSameLength } from "./inputs.ts";
import {
  mapNabProfiles,
  type NabProfile,
  type NabProfileName,
  type NabProfileScore,
  normaliseNab,
} from "./nab-profiles.ts";
import { NAB_OUTSIDE, NAB_PROBATION, nabRows } from "./nab-rows.ts";
import { NAB_WINDOW_DEFAULTS, type NabWindowOptions } from "./nab-windows.ts";

/** One NAB data file with a detector's raw scores instead of detections. */
export interface NabScoredFile {
  readonly labels: Uint8Array;
  readonly scores: Float64Array;
}

export interface NabOptimisedScore extends NabProfileScore {
  /** Flag `score >= threshold`; Infinity when flagging nothing scores best. */
  readonly threshold: number;
}

interface Row {
  score: number;
  /** Corpus-wide window id, or NAB_OUTSIDE. */
  window: number;
  reward: number;
}

/** Sweeps every threshold for one profile, as NAB's calcScoreByThreshold, and keeps the best. */
function sweep(rows: readonly Row[], windows: number, p: NabProfile): NabOptimisedScore {
  const best = new Float64Array(windows).fill(Number.NaN);
  let raw = -p.fn * windows;
  let top = { raw, threshold: Number.POSITIVE_INFINITY };
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (r.window === NAB_OUTSIDE) raw += p.fp * r.reward;
    else {
      const prev = best[r.window]!;
      // A window is worth its best (earliest) detection's reward, replacing the miss penalty.
      if (Number.isNaN(prev)) raw += p.fn + p.tp * r.reward;
      else if (r.reward > prev) raw += p.tp * (r.reward - prev);
      best[r.window] = Number.isNaN(prev) ? r.reward : Math.max(prev, r.reward);
    }
    const next = rows[k + 1];
    if ((next === undefined || next.score !== r.score) && raw > top.raw) top = { raw, threshold: r.score };
  }
  return { ...normaliseNab(top.raw, windows, p), threshold: top.threshold };
}

/**
 * NAB's own protocol for score-producing detectors: per profile, the threshold that maximises the corpus score
 * (NAB's optimizer, here by an exact sweep over every distinct score rather than a local search). It uses the labels
 * to choose the threshold, so report it as NAB does: beside, not instead of, a score at a deployed threshold.
 */
export function nabOptimisedScore(
  files: readonly NabScoredFile[],
  options?: Partial<NabWindowOptions>,
): Record<NabProfileName, NabOptimisedScore> {
  const o = withDefaults("nabOptimisedScore", NAB_WINDOW_DEFAULTS, options);
  if (files.length === 0) throw new VigilArgumentError("Expected at least one file for nabOptimisedScore");
  const rows: Row[] = [];
  let windows = 0;
  for (const f of files) {
    expectSameLength("labels and scores", f.labels, f.scores);
    expectBinaryMask("labels", f.labels);
    const annotated = nabRows(f.labels, o);
    for (let i = 0; i < f.scores.length; i++) {
      const w = annotated.window[i]!;
      const score = f.scores[i]!;
      if (w === NAB_PROBATION || Number.isNaN(score)) continue;
      rows.push({ score, window: w === NAB_OUTSIDE ? w : windows + w, reward: annotated.reward[i]! });
    }
    windows += annotated.windows;
  }
  rows.sort((a, b) => b.score - a.score);
  return mapNabProfiles((p) => sweep(rows, windows, p));
}
