import { averagePrecision, bestF1 } from "@vigil/core/metrics";
import type { Series } from "@vigil/core/series";
import type { Detector } from "@vigil/detect";
import type { BenchSite } from "./cryo-sites.ts";

export interface DetectionQuality {
  readonly prAuc: number;
  /** Best point-wise F1 over thresholds: an upper bound on a deployed threshold's F1. */
  readonly bestF1: number;
  /**
   * PR-AUC of the fault's first half against normal steps (the second half left out): early warning,
   * while the fault's deviation is still small.
   */
  readonly earlyPrAuc: number;
}

/** PR-AUC and best F1 of a detector's per-step scores on a site's test series, over its scored steps. */
export async function detectionQuality(
  detector: Detector,
  site: BenchSite,
  test: Series = site.test,
): Promise<DetectionQuality> {
  const { score } = await detector.score(test);
  const keep = [...score.keys()].filter((t) => site.scored[t] === 1 && Number.isFinite(score[t]!));
  const y = Uint8Array.from(keep, (t) => site.labels[t]!);
  const s = Float64Array.from(keep, (t) => score[t]!);
  const early = keep.filter((t) => site.stage[t] !== 2);
  return {
    prAuc: averagePrecision(y, s),
    bestF1: bestF1(y, s).f1,
    earlyPrAuc: averagePrecision(
      Uint8Array.from(early, (t) => site.stage[t]!),
      Float64Array.from(early, (t) => score[t]!),
    ),
  };
}
