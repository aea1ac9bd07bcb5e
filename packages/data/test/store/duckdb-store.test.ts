import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { VigilArgumentError, type VigilError } from "@vigil/core/errors";
import type { Series } from "@vigil/core/series";
import { DuckDbStore } from "../../src/store/index.ts";

const magnet = { site: "site-1", machine: "magnet-1" };
const other = { site: "site-2", machine: "magnet-1" };
let workspace: string;
let store: DuckDbStore;

before(async () => {
  workspace = await mkdtemp(join(tmpdir(), "vigil-store-"));
  store = await new DuckDbStore(workspace).ready();
});

after(async () => {
  await store.close();
  await rm(workspace, { recursive: true, force: true });
});

const series = (
  asset: typeof magnet,
  t: readonly number[],
  channels: Record<string, readonly number[]>,
): Series => ({
  asset,
  timestamps: BigInt64Array.from(t, BigInt),
  channels: Object.keys(channels).map((name) => ({ name, kind: "temperature", unit: "K", rateHz: 0.1 })),
  values: Object.values(channels).map((v) => Float64Array.from(v)),
});

test("series: round trip, missing readings not stored, time ranges, channel choice and order", async () => {
  const written = await store.appendSeries(
    series(magnet, [10, 20, 30, 40], { a: [1, 2, Number.NaN, 4], b: [5, 6, 7, 8] }),
  );
  assert.equal(written, 7);
  await store.appendSeries(series(other, [10], { a: [100] }));
  const all = await store.querySeries({ asset: magnet });
  assert.deepEqual(all.timestamps, BigInt64Array.from([10n, 20n, 30n, 40n]));
  assert.deepEqual(all.values, [Float64Array.from([1, 2, Number.NaN, 4]), Float64Array.from([5, 6, 7, 8])]);
  assert.deepEqual(all.channels[0], { name: "a", kind: "temperature", unit: "K", rateHz: 0.1 });
  const part = await store.querySeries({ asset: magnet, channels: ["b", "a"], from: 20n, to: 40n });
  assert.deepEqual(part.timestamps, BigInt64Array.from([20n, 30n]));
  assert.deepEqual(part.values, [Float64Array.from([6, 7]), Float64Array.from([2, Number.NaN])]);
  assert.deepEqual(await store.listAssets(), [magnet, other]);
  assert.equal(await store.lastReading(magnet), 40n);
  assert.equal(await store.lastReading(other), 10n);
  assert.equal(await store.lastReading({ site: "no", machine: "such" }), undefined);
  await assert.rejects(store.querySeries({ asset: magnet, channels: ["nope"] }), { code: "STORE_NOT_FOUND" });
  await assert.rejects(store.appendSeries({ ...all, asset: undefined }), VigilArgumentError);
});

test("series: asynchronous channels appended apart are aligned on the union of their times", async () => {
  const asset = { site: "site-1", machine: "async" };
  await store.appendSeries(series(asset, [1, 3], { fast: [1, 3] }));
  await store.appendSeries(series(asset, [2, 3], { slow: [20, 30] }));
  const got = await store.querySeries({ asset });
  assert.deepEqual(got.timestamps, BigInt64Array.from([1n, 2n, 3n]));
  assert.deepEqual(got.values, [
    Float64Array.from([1, Number.NaN, 3]),
    Float64Array.from([Number.NaN, 20, 30]),
  ]);
});

test("labels and scores", async () => {
  await store.appendLabels(magnet, [
    { start: 100n, end: 200n, type: "fault:cold-head-wear", channel: "coldhead_stage1_temp" },
    { start: 300n, end: 300n, type: "glitch" },
  ]);
  assert.deepEqual(await store.queryLabels({ asset: magnet, from: 150n, to: 301n }), [
    { start: 100n, end: 200n, type: "fault:cold-head-wear", channel: "coldhead_stage1_temp" },
    { start: 300n, end: 300n, type: "glitch" },
  ]);
  assert.deepEqual(await store.queryLabels({ asset: magnet, from: 201n, to: 300n }), []);
  assert.equal(
    await store.appendScores({
      asset: magnet,
      model: "vae-1",
      timestamps: BigInt64Array.from([1n, 2n, 3n]),
      scores: Float64Array.from([0.1, 0.9, 0.2]),
    }),
    3,
  );
  const scores = await store.queryScores({ asset: magnet, model: "vae-1", from: 2n });
  assert.deepEqual(
    [scores.timestamps, scores.scores],
    [BigInt64Array.from([2n, 3n]), Float64Array.from([0.9, 0.2])],
  );
  // Scores are not channels.
  assert.deepEqual(
    (await store.listChannels(magnet)).map((c) => c.name),
    ["a", "b"],
  );
});

test("events: stored open, acknowledged with a comment, filtered; unknown ids are errors", async () => {
  const event = await store.appendEvent({
    asset: magnet,
    start: 1000n,
    end: 2000n,
    type: "anomaly",
    severity: 0.8,
    channel: "compressor_vibration",
    detail: { score: 12.5 },
  });
  assert.equal(event.status, "open");
  const acked = await store.updateEvent(event.id, {
    status: "acknowledged",
    comment: "bearing noise, service booked",
  });
  assert.equal(acked.status, "acknowledged");
  assert.equal(acked.comment, "bearing noise, service booked");
  assert.deepEqual(acked.detail, { score: 12.5 });
  assert.equal(acked.channel, "compressor_vibration");
  assert.ok(acked.updated >= event.updated);
  assert.deepEqual(
    (await store.queryEvents({ status: "acknowledged" })).map((e) => e.id),
    [event.id],
  );
  assert.deepEqual(await store.queryEvents({ asset: other }), []);
  assert.deepEqual(await store.queryEvents({ asset: magnet, from: 2001n }), []);
  assert.deepEqual(await store.getEvent(event.id), acked);
  assert.equal(await store.getEvent("missing"), undefined);
  await assert.rejects(
    store.updateEvent("missing", { comment: "x" }),
    (e: VigilError) => e.code === "STORE_NOT_FOUND",
  );
  await assert.rejects(store.updateEvent(event.id, { status: "closed" as never }), VigilArgumentError);
});

test("events: an open event is extended (end, severity, detail) and keeps what is not updated", async () => {
  const event = await store.appendEvent({
    asset: other,
    start: 5000n,
    end: 5000n,
    type: "anomaly",
    severity: 1,
  });
  const extended = await store.updateEvent(event.id, { end: 9000n, severity: 4.5, detail: { peak: 7 } });
  assert.equal(extended.end, 9000n);
  assert.equal(extended.severity, 4.5);
  assert.deepEqual(extended.detail, { peak: 7 });
  assert.equal(extended.status, "open");
  const [stored] = await store.queryEvents({ asset: other, from: 8000n });
  assert.equal(stored?.id, event.id, "the range query sees the new end");
  await assert.rejects(store.updateEvent(event.id, { end: 9 as never }), VigilArgumentError);
});

test("concurrent reads each get their own complete result", async () => {
  const asset = { site: "site-3", machine: "pump" };
  const t = Array.from({ length: 3000 }, (_, i) => i * 1000);
  await store.appendSeries(series(asset, t, { p: t.map((x) => x / 7), q: t.map((x) => -x) }));
  await store.appendScores({
    asset,
    model: "m",
    timestamps: BigInt64Array.from(t, BigInt),
    scores: Float64Array.from(t, (x) => x / 1000),
  });
  // More concurrent reads than pooled connections, mixing streamed points with row queries.
  const reads = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      i % 3 === 0
        ? store.querySeries({ asset }).then((s) => s.timestamps.length)
        : i % 3 === 1
          ? store.queryScores({ asset, model: "m" }).then((s) => s.scores.length)
          : store.listChannels(asset).then((c) => c.length * 1500),
    ),
  );
  assert.deepEqual(reads, Array(12).fill(3000));
});

test("model registry rows: insert, replace, status changes and queries", async () => {
  const base = { kind: "vae", metrics: { f1: 0.91 }, status: "shadow" as const };
  await store.putModel({ ...base, id: "m1", asset: magnet, version: 1, created: 1n });
  await store.putModel({ ...base, id: "m2", asset: magnet, version: 2, created: 2n });
  await store.putModel({ ...base, id: "fleet", kind: "pca", version: 1, created: 3n });
  await store.putModel({ ...base, id: "m1", asset: magnet, version: 1, created: 1n, metrics: { f1: 0.93 } });
  const active = await store.setModelStatus("m2", "active");
  assert.equal(active.status, "active");
  assert.deepEqual(
    (await store.queryModels({ asset: magnet })).map((m) => [m.id, m.status, m.metrics]),
    [
      ["m2", "active", { f1: 0.91 }],
      ["m1", "shadow", { f1: 0.93 }],
    ],
  );
  const fleet = await store.queryModels({ kind: "pca" });
  assert.equal(fleet.length, 1);
  assert.equal(fleet[0]!.asset, undefined);
  await assert.rejects(store.setModelStatus("nope", "retired"), { code: "STORE_NOT_FOUND" });
});

test("group commit: concurrent writes all land; one failing write does not sink its batch", async () => {
  const asset = { site: "site-3", machine: "burst" };
  const writes = Array.from({ length: 50 }, (_, k) => store.appendSeries(series(asset, [k], { x: [k] })));
  const failing = store.updateEvent("does-not-exist", { comment: "x" });
  const more = Array.from({ length: 50 }, (_, k) =>
    store.appendSeries(series(asset, [50 + k], { x: [50 + k] })),
  );
  await assert.rejects(failing, { code: "STORE_NOT_FOUND" });
  assert.deepEqual(await Promise.all([...writes, ...more]), Array(100).fill(1));
  const got = await store.querySeries({ asset });
  assert.deepEqual(
    got.values[0],
    Float64Array.from({ length: 100 }, (_, k) => k),
  );
});

test("a closed store refuses calls; reopening the file finds everything", async () => {
  const dir = await mkdtemp(join(tmpdir(), "vigil-store-reopen-"));
  const first = new DuckDbStore(dir);
  await first.appendSeries(series(magnet, [1, 2], { a: [1, 2] }));
  await first.close();
  await assert.rejects(first.listAssets(), { code: "STORE_CLOSED" });
  const second = new DuckDbStore(dir);
  assert.deepEqual((await second.querySeries({ asset: magnet })).values, [Float64Array.from([1, 2])]);
  await second.close();
  await rm(dir, { recursive: true, force: true });
  assert.throws(() => new DuckDbStore(dir, { filename: "x" } as never), VigilArgumentError);
});
