import { expectSameLength } from "../metrics/index.ts";
import type { AlertRuleOptions } from "./alert-options.ts";
import { type AlertEvent, AlertTracker } from "./alert-tracker.ts";

/** Batch alerting: the streaming tracker run over whole arrays, so both modes give the same events. */
export function detectAlerts(
  timestamps: BigInt64Array,
  scores: ArrayLike<number>,
  options: Partial<AlertRuleOptions>,
): AlertEvent[] {
  expectSameLength("timestamps and scores", timestamps, scores);
  const tracker = new AlertTracker(options);
  const events: AlertEvent[] = [];
  const collect = (ts: { type: string; event: AlertEvent }[]) => {
    for (const t of ts) if (t.type === "closed") events.push(t.event);
  };
  for (let i = 0; i < timestamps.length; i++) collect(tracker.push(timestamps[i]!, scores[i]!));
  collect(tracker.flush());
  return events;
}
