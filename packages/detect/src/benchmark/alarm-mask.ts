import { type AlertRuleOptions, detectAlerts } from "@vigil/core/alert";
import { onsetStep } from "../attribution/onset.ts";

/**
 * 0/1 per step: 1 inside an alert event (first to last qualifying step, merged across short gaps) raised by the
 * alert rules on `scores`. NaN scores never open an event. With `onsetLevel`, each event is dated back to its
 * onset: the start of the run of scores above that level (e.g. the training median) leading into its first
 * alarming step, as `scoredEvents` dates events; only scores up to the alarm are read, but the alarm then covers
 * steps before the moment it was raised, so this, like the merge gap, is an offline reading of the alarm sequence.
 */
export function alarmMask(
  timestamps: BigInt64Array,
  scores: ArrayLike<number>,
  rules: Partial<AlertRuleOptions>,
  onsetLevel?: number,
): Uint8Array {
  const mask = new Uint8Array(timestamps.length);
  const values = Float64Array.from(scores);
  let i = 0;
  for (const event of detectAlerts(timestamps, scores, rules)) {
    while (i < timestamps.length && timestamps[i]! < event.start) i++;
    const first = onsetLevel === undefined ? i : (onsetStep(values, i, 0, onsetLevel) ?? i);
    mask.fill(1, first, i);
    for (; i < timestamps.length && timestamps[i]! <= event.end; i++) mask[i] = 1;
  }
  return mask;
}
