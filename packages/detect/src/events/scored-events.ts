import { detectAlerts } from "@vigil/core/alert";
import { lowerBound } from "@vigil/core/series";
import { onsetStep } from "../attribution/onset.ts";
import { calibrationAlertRules } from "../calibration/calibrate-scores.ts";
import type { ScoreResult } from "../detector/types.ts";
import type { ModelCalibration } from "../registry/card.ts";
import { type ChannelShare, rankChannels } from "./channel-ranking.ts";
import { scoreChangepoints } from "./score-changepoints.ts";

export interface StepTime {
  readonly step: number;
  readonly timestamp: bigint;
}

/** An alert event with its root-cause ranking and onset. */
export interface ScoredEvent {
  /** First and last steps that held above the threshold (steps index the scored series). */
  readonly first: StepTime;
  readonly last: StepTime;
  readonly peak: StepTime & { readonly score: number };
  /**
   * Where the deviation began: walking back from the first alarming step, the start of the run of
   * scores above the calibration's onset level (where the tail of the training scores begins) that
   * leads into the event. It is at or before `first`, so a slow drift is dated to when it left
   * normal, not to when it crossed the threshold.
   */
  readonly onset: StepTime;
  /**
   * Where the score's regime changed from the onset through the last alarming step (scoreChangepoints): the
   * onset itself, the end of a build-up, a settled level, the start of a recovery. Empty for a calibration
   * without a regime prior (older model cards).
   */
  readonly phases: readonly StepTime[];
  /** Channels by their share of the event's contributions, largest first. */
  readonly ranking: readonly ChannelShare[];
}

/**
 * The events the calibration's alert rules raise on the scores (as `detectAlerts` does, so batch and
 * streaming agree), each with its channel ranking over its steps, its peak, its onset and its phases.
 */
export function scoredEvents(
  timestamps: BigInt64Array,
  scores: ScoreResult,
  calibration: ModelCalibration,
): ScoredEvent[] {
  const at = (step: number): StepTime => ({ step, timestamp: timestamps[step]! });
  const changes =
    calibration.regimes === undefined ? [] : scoreChangepoints(scores.score, calibration.regimes);
  return detectAlerts(timestamps, scores.score, calibrationAlertRules(calibration)).map((event) => {
    const first = lowerBound(timestamps, event.start);
    const end = lowerBound(timestamps, event.end + 1n);
    const peak = lowerBound(timestamps, event.peakTime);
    const onset = onsetStep(scores.score, first, 0, calibration.onsetLevel) ?? first;
    return {
      first: at(first),
      last: at(end - 1),
      peak: { ...at(peak), score: event.peakScore },
      onset: at(onset),
      phases: changes.filter((step) => step >= onset && step < end).map(at),
      ranking: rankChannels(scores, first, end),
    };
  });
}
