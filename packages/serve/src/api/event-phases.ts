import type { Store, StoredEvent } from "@vigil/data/store";
import { SCORE_CHANGEPOINT_DEFAULTS, scoreChangepoints, scoreRegimePrior } from "@vigil/detect/events";

/** Fewer normal scores than this before an event say too little about "normal" to read regimes against. */
const MIN_REFERENCE_STEPS = 30;
/** Scores of normal operation read before the event, in steps of the asset's own sampling. */
const REFERENCE_STEPS = 300;

const ms = (t: bigint) => Number(t / 1_000_000n);

/**
 * The times (ms) from an event's start to its end where the regime of its model's stored score changed: the
 * build-up ending, a settled level, the recovery starting (scoreChangepoints). The prior of what normal looks like
 * comes from the same score before the event: over three times the event's length, and at least the span of 300
 * of the asset's own steps (estimated from the event's scores), so slowly sampled assets get enough of them.
 * Undefined when the event names no model or too few scores precede it. Read on request, so an open event's
 * phases grow as it goes (its last `lag` steps are judged once later scores exist).
 */
export async function eventPhases(store: Store, event: StoredEvent): Promise<number[] | undefined> {
  const model = event.detail?.model;
  if (typeof model !== "string") return undefined;
  const length = event.end - event.start;
  const during = await store.queryScores({ asset: event.asset, model, from: event.start, to: event.end });
  const step = during.timestamps.length > 1 ? length / BigInt(during.timestamps.length - 1) : 1_000_000_000n;
  const lookback = [3n * length, BigInt(REFERENCE_STEPS) * step].reduce((a, b) => (a > b ? a : b));
  // A change is judged `lag` steps after it began: read that far past the end, so an ended event's last
  // steps are judged too.
  const batch = await store.queryScores({
    asset: event.asset,
    model,
    from: event.start - lookback,
    to: event.end + BigInt(SCORE_CHANGEPOINT_DEFAULTS.lag) * step,
  });
  const before = batch.timestamps.findIndex((t) => t >= event.start);
  const referenceSteps = before < 0 ? batch.timestamps.length : before;
  // An infinite stored score is treated as missing, like NaN: it says nothing about a level.
  const scores = batch.scores.map((v) => (Number.isFinite(v) ? v : Number.NaN));
  const reference = scores.subarray(0, referenceSteps);
  if (reference.filter(Number.isFinite).length < MIN_REFERENCE_STEPS) return undefined;
  return scoreChangepoints(scores, scoreRegimePrior(reference))
    .filter((i) => i >= referenceSteps && batch.timestamps[i]! <= event.end)
    .map((i) => ms(batch.timestamps[i]!));
}
