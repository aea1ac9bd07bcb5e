import type { Store, StoredEvent } from "@vigil/data/store";
import { scoreChangepoints, scoreRegimePrior } from "@vigil/detect/events";

/** Fewer normal scores than this before an event say too little about "normal" to read regimes against. */
const MIN_REFERENCE_STEPS = 30;

const ms = (t: bigint) => Number(t / 1_000_000n);

/**
 * The times (ms) from an event's start to its end where the regime of its model's stored score changed: the
 * build-up ending, a settled level, the recovery starting (scoreChangepoints). The prior of what normal looks like
 * comes from the same score over the span before the event, three times the event's length (at least ten minutes).
 * Undefined when the event names no model or too few scores precede it. Read on request, so an open event's
 * phases grow as it goes (the last `lag` steps are not judged yet).
 */
export async function eventPhases(store: Store, event: StoredEvent): Promise<number[] | undefined> {
  const model = event.detail?.model;
  if (typeof model !== "string") return undefined;
  const lookback =
    3n * (event.end - event.start > 200_000_000_000n ? event.end - event.start : 200_000_000_000n);
  const batch = await store.queryScores({
    asset: event.asset,
    model,
    from: event.start - lookback,
    to: event.end,
  });
  const before = batch.timestamps.findIndex((t) => t >= event.start);
  const referenceSteps = before < 0 ? batch.timestamps.length : before;
  // An infinite stored score is treated as missing, like NaN: it says nothing about a level.
  const scores = batch.scores.map((v) => (Number.isFinite(v) ? v : Number.NaN));
  const reference = scores.subarray(0, referenceSteps);
  if (reference.filter(Number.isFinite).length < MIN_REFERENCE_STEPS) return undefined;
  return scoreChangepoints(scores, scoreRegimePrior(reference))
    .filter((i) => i >= referenceSteps)
    .map((i) => ms(batch.timestamps[i]!));
}
