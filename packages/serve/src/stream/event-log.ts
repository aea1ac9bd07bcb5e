import type { AlertEvent } from "@vigil/core/alert";
import type { Store, StoredEvent } from "@vigil/data/store";
import type { Explanation } from "../api/contract.ts";
import type { AttributionSummary } from "./protocol.ts";

/** The event type the stream scorer writes; drift notices and operators' events use other types. */
export const ANOMALY_EVENT = "anomaly";

/**
 * Writes the scorer's events to the Store. An event is identified by (asset, type, start): opening one
 * that the Store already holds — because the process stopped after writing it but before its snapshot
 * recorded the id — adopts the stored event instead of writing a duplicate.
 */
export async function openEvent(
  store: Store,
  input: {
    asset: { site: string; machine: string };
    event: AlertEvent;
    model: string;
    threshold: number;
    /** Peak calibrated score. */
    severity: number;
    explanation: Explanation | undefined;
    /** Gradient attribution of VAE-family models (see AttributionSummary). */
    attribution?: AttributionSummary | undefined;
  },
): Promise<StoredEvent> {
  const { asset, event } = input;
  const existing = (await store.queryEvents({ asset, from: event.start, to: event.start + 1n })).find(
    (e) => e.type === ANOMALY_EVENT && e.start === event.start,
  );
  if (existing !== undefined) return existing;
  const top = input.explanation?.ranking[0]?.channel;
  return store.appendEvent({
    asset,
    start: event.start,
    end: event.end,
    type: ANOMALY_EVENT,
    severity: input.severity,
    ...(top === undefined ? {} : { channel: top }),
    detail: {
      source: "vigil.stream",
      model: input.model,
      threshold: input.threshold,
      peakTime: String(event.peakTime),
      ...(input.explanation === undefined ? {} : { explanation: input.explanation }),
      ...(input.attribution === undefined ? {} : { attribution: input.attribution }),
    },
  });
}

/**
 * Records where an event ended. Its status stays with the operators (open until acknowledged or
 * resolved by someone): an alarm that stopped firing still needs a look.
 */
export function closeEvent(store: Store, id: string, end: bigint): Promise<StoredEvent> {
  return store.updateEvent(id, { end });
}
