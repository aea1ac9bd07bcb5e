import { checkValue, isRejection, parseRow, parseWireTime, type Rejection, reject } from "../ingest/index.ts";
import type { StreamReading } from "../stream/types.ts";
import type { ReadingTopic } from "./topics.ts";

/**
 * The compact binary payload of a channel topic: the 4 ASCII bytes "VGB1", then pairs of
 * little-endian IEEE-754 float64 (t in ms since the epoch, value), 16 bytes per reading. The magic
 * makes it unambiguous against JSON (which starts with "{", "[" or white space) and versions it.
 */
export const BINARY_MAGIC = Buffer.from("VGB1", "ascii");
const PAIR_BYTES = 16;

/** Encodes readings of one channel in the binary payload format (for publishers and tests). */
export function encodeBinaryReadings(points: readonly { t: number; v: number }[]): Buffer {
  const out = Buffer.alloc(BINARY_MAGIC.length + PAIR_BYTES * points.length);
  BINARY_MAGIC.copy(out, 0);
  points.forEach((p, i) => {
    out.writeDoubleLE(p.t, BINARY_MAGIC.length + PAIR_BYTES * i);
    out.writeDoubleLE(p.v, BINARY_MAGIC.length + PAIR_BYTES * i + 8);
  });
  return out;
}

function decodeBinary(topic: ReadingTopic, channel: string, payload: Buffer, where: string) {
  const body = payload.length - BINARY_MAGIC.length;
  if (body <= 0 || body % PAIR_BYTES !== 0) {
    return reject(
      "bad-binary",
      where,
      `expected "VGB1" then 16-byte (t, v) float64 pairs but received ${payload.length} bytes`,
    );
  }
  const out: StreamReading[] = [];
  for (let i = 0; i < body / PAIR_BYTES; i++) {
    const at = BINARY_MAGIC.length + PAIR_BYTES * i;
    const t = parseWireTime(payload.readDoubleLE(at), `${where} pair ${i} t`);
    if (isRejection(t)) return t;
    const v = checkValue(payload.readDoubleLE(at + 8), `${where} pair ${i} v`);
    if (isRejection(v)) return v;
    out.push({ asset: topic.asset, channel, t, v });
  }
  return out;
}

function parseJson(payload: Buffer, where: string): unknown | Rejection {
  try {
    return JSON.parse(payload.toString("utf8"));
  } catch (error) {
    return reject("bad-json", where, `not valid JSON (${(error as Error).message})`);
  }
}

function channelPoint(topic: ReadingTopic, channel: string, value: unknown, where: string) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return reject("bad-shape", where, 'expected {"t": ms or ISO-8601, "v": number}');
  }
  const p = value as Record<string, unknown>;
  const extra = Object.keys(p).find((k) => k !== "t" && k !== "v");
  if (extra !== undefined)
    return reject("bad-shape", `${where}.${extra}`, "unknown field (expected t and v)");
  const t = parseWireTime(p.t, `${where}.t`);
  if (isRejection(t)) return t;
  const v = checkValue(p.v, `${where}.v`);
  if (isRejection(v)) return v;
  return { asset: topic.asset, channel, t, v };
}

/**
 * A payload → its readings, all or nothing: one bad element rejects the whole message, so a message
 * is never half-stored and the publisher learns exactly which element was wrong.
 *
 * - `vigil/<site>/<machine>/<channel>`: {"t", "v"}, an array of them, or the binary format above;
 * - `vigil/<site>/<machine>`: a row {"t", "<channel>": v, ...} or an array of rows.
 */
export function decodePayload(
  topic: ReadingTopic,
  payload: Buffer,
  where: string,
  maxBytes: number,
): StreamReading[] | Rejection {
  if (payload.length > maxBytes) {
    return reject("too-large", where, `payload of ${payload.length} bytes exceeds the limit of ${maxBytes}`);
  }
  const { channel } = topic;
  if (channel !== undefined && payload.subarray(0, BINARY_MAGIC.length).equals(BINARY_MAGIC)) {
    return decodeBinary(topic, channel, payload, where);
  }
  const json = parseJson(payload, where);
  if (isRejection(json)) return json;
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return reject("bad-shape", where, "empty array");
  const out: StreamReading[] = [];
  for (const [i, item] of items.entries()) {
    const at = Array.isArray(json) ? `${where}[${i}]` : where;
    if (channel === undefined) {
      const row = parseRow(topic.asset, item, at);
      if (isRejection(row)) return row;
      out.push(...row);
    } else {
      const point = channelPoint(topic, channel, item, at);
      if (isRejection(point)) return point;
      out.push(point);
    }
  }
  return out;
}
