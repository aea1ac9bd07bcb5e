import { type AlertRuleOptions, detectAlerts } from "@vigil/core/alert";

/**
 * 0/1 per step: 1 inside an alert event (first to last qualifying step, merged across short gaps) raised by the
 * alert rules on `scores`. NaN scores never open an event.
 */
export function alarmMask(
  timestamps: BigInt64Array,
  scores: ArrayLike<number>,
  rules: Partial<AlertRuleOptions>,
): Uint8Array {
  const mask = new Uint8Array(timestamps.length);
  let i = 0;
  for (const event of detectAlerts(timestamps, scores, rules)) {
    while (i < timestamps.length && timestamps[i]! < event.start) i++;
    for (; i < timestamps.length && timestamps[i]! <= event.end; i++) mask[i] = 1;
  }
  return mask;
}
