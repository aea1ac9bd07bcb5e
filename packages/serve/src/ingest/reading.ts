import type { AssetRef } from "@vigil/core/series";
import { tryParseIsoTimestamp } from "@vigil/core/time";
import type { StreamReading } from "../stream/types.ts";
import { type Rejection, reject } from "./rejection.ts";

/**
 * Site, machine and channel names: they are MQTT topic levels and URL path segments, so no "/", no
 * MQTT wildcards, no spaces; at most 128 characters.
 */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Readings outside these years are certainly unit mistakes (seconds or µs sent as ms). */
const MIN_MS = Date.UTC(1990, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

export function checkName(value: unknown, where: string): string | Rejection {
  if (typeof value !== "string" || !NAME.test(value)) {
    const shown = typeof value === "string" ? `"${value.slice(0, 40)}"` : typeof value;
    return reject(
      "bad-name",
      where,
      `expected a name of letters, digits, ".", "_", ":" or "-" (at most 128) but received ${shown}`,
    );
  }
  return value;
}

/** A wire time (ms since epoch, or ISO-8601 text) → ns since epoch. */
export function parseWireTime(value: unknown, where: string): bigint | Rejection {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < MIN_MS || value > MAX_MS) {
      return reject("bad-time", where, `expected ms since the epoch (years 1990-2200) but received ${value}`);
    }
    // Sub-millisecond parts are kept: ms with a fraction is exact to the microsecond in a double.
    const whole = Math.floor(value);
    return BigInt(whole) * 1_000_000n + BigInt(Math.round((value - whole) * 1e6));
  }
  if (typeof value === "string") {
    const ns = tryParseIsoTimestamp(value.trim(), 0);
    if (ns === undefined) {
      return reject("bad-time", where, `expected an ISO-8601 date-time but received "${value.slice(0, 40)}"`);
    }
    const ms = Number(ns / 1_000_000n);
    if (ms < MIN_MS || ms > MAX_MS)
      return reject("bad-time", where, `${value} is outside the years 1990-2200`);
    return ns;
  }
  return reject(
    "bad-time",
    where,
    `expected ms since the epoch or ISO-8601 text but received ${typeof value}`,
  );
}

export function checkValue(value: unknown, where: string): number | Rejection {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return reject(
      "bad-value",
      where,
      `expected a finite number but received ${JSON.stringify(value) ?? "nothing"}`,
    );
  }
  return value;
}

export const isRejection = (x: unknown): x is Rejection =>
  typeof x === "object" && x !== null && "reason" in x && "where" in x;

/** One HTTP/JSON reading ({site, machine, channel, t, v}) checked field by field. */
export function parseReading(value: unknown, where: string): StreamReading | Rejection {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return reject("bad-shape", where, "expected an object {site, machine, channel, t, v}");
  }
  const r = value as Record<string, unknown>;
  for (const key of Object.keys(r)) {
    if (!["site", "machine", "channel", "t", "v"].includes(key)) {
      return reject("bad-shape", `${where}.${key}`, "unknown field (expected site, machine, channel, t, v)");
    }
  }
  const site = checkName(r.site, `${where}.site`);
  if (isRejection(site)) return site;
  const machine = checkName(r.machine, `${where}.machine`);
  if (isRejection(machine)) return machine;
  const channel = checkName(r.channel, `${where}.channel`);
  if (isRejection(channel)) return channel;
  const t = parseWireTime(r.t, `${where}.t`);
  if (isRejection(t)) return t;
  const v = checkValue(r.v, `${where}.v`);
  if (isRejection(v)) return v;
  return { asset: { site, machine }, channel, t, v };
}

/**
 * A row object {"t": ..., "<channel>": v, ...} for one asset → its readings. All or nothing: one bad
 * cell rejects the row, so a row is never half-stored.
 */
export function parseRow(asset: AssetRef, value: unknown, where: string): StreamReading[] | Rejection {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return reject("bad-row", where, 'expected an object {"t": ..., "<channel>": number, ...}');
  }
  const row = value as Record<string, unknown>;
  const t = parseWireTime(row.t, `${where}.t`);
  if (isRejection(t)) return t;
  const out: StreamReading[] = [];
  for (const [key, v] of Object.entries(row)) {
    if (key === "t") continue;
    const channel = checkName(key, `${where}.${key}`);
    if (isRejection(channel)) return channel;
    // null marks a channel not measured at this time (as in a table with gaps); it is simply absent.
    if (v === null) continue;
    const value = checkValue(v, `${where}.${key}`);
    if (isRejection(value)) return value;
    out.push({ asset, channel, t, v: value });
  }
  if (out.length === 0) return reject("bad-row", where, "a row needs at least one channel value besides t");
  return out;
}
