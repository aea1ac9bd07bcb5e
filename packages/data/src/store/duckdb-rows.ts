import type { JS } from "@duckdb/node-api";
import type { AssetRef, ChannelInfo, Label } from "@vigil/core/series";
import type { EventStatus, ModelRecord, ModelStatus, StoredEvent } from "./types.ts";

/** A row as DuckDB's JS converter returns it: BIGINT as bigint, NULL as null. */
export type Row = Record<string, JS>;

const text = (v: JS): string => String(v);
const optionalText = (v: JS): string | undefined => (v === null ? undefined : String(v));
const ns = (v: JS): bigint => BigInt(v as bigint);

export const assetOf = (row: Row): AssetRef => ({ site: text(row.site!), machine: text(row.machine!) });

export function channelFromRow(row: Row): ChannelInfo {
  const unit = optionalText(row.unit!);
  return {
    name: text(row.name!),
    kind: (optionalText(row.kind!) ?? "other") as ChannelInfo["kind"],
    ...(unit === undefined ? {} : { unit }),
    ...(row.rate_hz === null ? {} : { rateHz: Number(row.rate_hz) }),
    ...(row.role === null ? {} : { role: text(row.role!) as ChannelInfo["role"] }),
  };
}

export function labelFromRow(row: Row): Label {
  const channel = optionalText(row.channel!);
  return {
    start: ns(row.start_ns!),
    end: ns(row.end_ns!),
    type: text(row.type!),
    ...(channel === undefined ? {} : { channel }),
  };
}

export function eventFromRow(row: Row): StoredEvent {
  const channel = optionalText(row.channel!);
  const comment = optionalText(row.comment!);
  const detail = optionalText(row.detail!);
  return {
    id: text(row.id!),
    asset: assetOf(row),
    start: ns(row.start_ns!),
    end: ns(row.end_ns!),
    type: text(row.type!),
    severity: Number(row.severity),
    ...(channel === undefined ? {} : { channel }),
    ...(detail === undefined ? {} : { detail: JSON.parse(detail) as Record<string, unknown> }),
    status: text(row.status!) as EventStatus,
    ...(comment === undefined ? {} : { comment }),
    updated: ns(row.updated_ns!),
  };
}

export function modelFromRow(row: Row): ModelRecord {
  return {
    id: text(row.id!),
    ...(row.site === null ? {} : { asset: assetOf(row) }),
    kind: text(row.kind!),
    version: Number(row.version),
    status: text(row.status!) as ModelStatus,
    metrics: JSON.parse(text(row.metrics!)) as Record<string, unknown>,
    created: ns(row.created_ns!),
  };
}
