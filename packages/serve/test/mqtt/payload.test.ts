import assert from "node:assert/strict";
import { test } from "node:test";
import { isRejection, type Rejection } from "../../src/ingest/index.ts";
import { decodePayload, encodeBinaryReadings, parseTopic, type ReadingTopic } from "../../src/mqtt/index.ts";

const T0 = Date.UTC(2026, 0, 5);
const topic = (t: string) => parseTopic(t) as ReadingTopic;
const decode = (t: string, payload: string | Buffer, maxBytes = 1 << 20) =>
  decodePayload(topic(t), Buffer.isBuffer(payload) ? payload : Buffer.from(payload), `topic ${t}`, maxBytes);

test("topics: vigil/<site>/<machine>[/<channel>] and nothing else", () => {
  assert.deepEqual(parseTopic("vigil/a/b/c"), { asset: { site: "a", machine: "b" }, channel: "c" });
  assert.deepEqual(parseTopic("vigil/a/b"), { asset: { site: "a", machine: "b" }, channel: undefined });
  for (const bad of ["vigil/a", "vigil/a/b/c/d", "other/a/b/c", "vigil//b/c", "vigil/a b/m/c"]) {
    const r = parseTopic(bad);
    assert.ok(isRejection(r), bad);
  }
});

test("binary payloads: magic, then little-endian float64 (t ms, v) pairs", () => {
  const bytes = encodeBinaryReadings([
    { t: T0, v: 1.25 },
    { t: T0 + 0.5, v: -3 },
  ]);
  assert.equal(bytes.length, 4 + 32);
  assert.equal(bytes.subarray(0, 4).toString("ascii"), "VGB1");
  assert.equal(bytes.readDoubleLE(4), T0);
  const readings = decode("vigil/s/m/c", bytes);
  assert.ok(Array.isArray(readings));
  assert.deepEqual(
    readings.map((r) => [r.t, r.v]),
    [
      [BigInt(T0) * 1_000_000n, 1.25],
      [BigInt(T0) * 1_000_000n + 500_000n, -3],
    ],
  );
  // On a row topic the binary form is not defined: it is read as (invalid) JSON.
  assert.equal((decode("vigil/s/m", bytes) as Rejection).reason, "bad-json");
});

test("JSON payloads are all or nothing, with the failing element named", () => {
  const r = decode(
    "vigil/s/m/c",
    JSON.stringify([
      { t: T0, v: 1 },
      { t: T0, v: 2 },
      { t: T0, v: "3" },
    ]),
  ) as Rejection;
  assert.equal(r.reason, "bad-value");
  assert.equal(r.where, "topic vigil/s/m/c[2].v");
  assert.equal((decode("vigil/s/m/c", "[]") as Rejection).reason, "bad-shape");
  assert.equal((decode("vigil/s/m", JSON.stringify({ t: T0 })) as Rejection).reason, "bad-row");
  assert.equal((decode("vigil/s/m/c", JSON.stringify({ t: 1e15, v: 1 })) as Rejection).reason, "bad-time");
  assert.equal((decode("vigil/s/m/c", "x".repeat(100), 50) as Rejection).reason, "too-large");
  const rows = decode("vigil/s/m", JSON.stringify([{ t: "2026-01-05T00:00:00.5Z", a: 1, b: null }]));
  assert.ok(Array.isArray(rows));
  assert.deepEqual(
    rows.map((x) => [x.channel, x.t, x.v]),
    [["a", BigInt(T0) * 1_000_000n + 500_000_000n, 1]],
  );
});
