import type { AssetRef } from "@vigil/core/series";
import type { StoredEvent } from "@vigil/data/store";
import type { ModelEntry } from "@vigil/detect/registry";
import type { EventDetail, EventSummary, Explanation, ModelSummary } from "./contract.ts";

/** ns in the store ↔ ms on the wire (integers; sub-millisecond parts are dropped on the way out). */
export const nsToMs = (ns: bigint): number => Number(ns / 1_000_000n);
export const msToNs = (ms: number): bigint => BigInt(Math.round(ms)) * 1_000_000n;

export const assetOf = (params: { site: string; machine: string }): AssetRef => ({
  site: params.site,
  machine: params.machine,
});

export function eventSummary(e: StoredEvent): EventSummary {
  return {
    id: e.id,
    site: e.asset.site,
    machine: e.asset.machine,
    start: nsToMs(e.start),
    end: nsToMs(e.end),
    type: e.type,
    severity: e.severity,
    status: e.status,
    ...(e.channel === undefined ? {} : { channel: e.channel }),
    ...(e.comment === undefined || e.comment === null ? {} : { comment: e.comment }),
  };
}

/** The scorer stores the explanation (already in wire form, ms) as `detail.explanation`. */
export function explanationOf(e: StoredEvent): Explanation | undefined {
  const x = e.detail?.explanation as Partial<Explanation> | undefined;
  if (typeof x !== "object" || x === null || typeof x.onset !== "number" || !Array.isArray(x.ranking)) {
    return undefined;
  }
  return x as Explanation;
}

export function eventDetail(e: StoredEvent): EventDetail {
  const explanation = explanationOf(e);
  return { ...eventSummary(e), ...(explanation === undefined ? {} : { explanation }) };
}

export function modelSummary(entry: ModelEntry): ModelSummary {
  const { card, status } = entry;
  return {
    id: card.id,
    ...(card.asset === undefined ? {} : { site: card.asset.site, machine: card.asset.machine }),
    kind: card.kind,
    version: card.version,
    status,
    created: Date.parse(card.created),
    metrics: card.metrics,
  };
}
