// One trial of bench/stream/run.ts, in a fresh process: a service in a temporary workspace, N assets
// with a VAE each (one model trained, then saved per asset), C channels published at R Hz over MQTT
// (QoS 1) by a publisher thread for D seconds with one anomaly per asset, a WebSocket client
// timing scores and events, then the scorer's capacity with readings pushed straight into it.
// Prints one JSON line. Usage: node --import tsx bench/stream/trial.ts --home <dir> --assets N
//   [--channels 8] [--rate 10] [--seconds 20] [--stride 5]
import { parseArgs } from "node:util";
import type { Series } from "@vigil/core/series";
import { startTsWorker } from "@vigil/core/worker";
import { ModelRegistry } from "@vigil/detect/registry";
import { createService, type LiveMessage } from "@vigil/serve";
import { activateModel, readServingProfile, trainModel, writeServingProfile } from "@vigil/serve/models";
import WebSocket from "ws";
import { benchRow, percentile } from "./signal.ts";

const { values } = parseArgs({
  options: {
    home: { type: "string" },
    assets: { type: "string", default: "4" },
    channels: { type: "string", default: "8" },
    rate: { type: "string", default: "10" },
    seconds: { type: "string", default: "20" },
    stride: { type: "string", default: "5" },
  },
});
const N = Number(values.assets);
const C = Number(values.channels);
const R = Number(values.rate);
const D = Number(values.seconds);
const stride = Number(values.stride);
const home = values.home!;
const WINDOW = 32;

const assetName = (i: number) => ({ site: `site-${i % 4}`, machine: `m${i}` });
const key = (site: string, machine: string, t: number) => `${site}/${machine}/${t}`;

/** Normal history for training: 20 minutes at R Hz, before the live phase. */
function history(i: number, rows: number, endMs: number): Series {
  const periodMs = 1000 / R;
  const timestamps = BigInt64Array.from(
    { length: rows },
    (_, k) => BigInt(Math.round(endMs - (rows - k) * periodMs)) * 1_000_000n,
  );
  const values = Array.from({ length: C }, () => new Float64Array(rows));
  for (let k = 0; k < rows; k++) {
    const row = benchRow(k, C, false);
    for (let c = 0; c < C; c++) values[c]![k] = row[c]!;
  }
  return {
    asset: assetName(i),
    timestamps,
    channels: Array.from({ length: C }, (_, c) => ({ name: `c${c}`, kind: "other" as const })),
    values,
  };
}

const service = await createService({
  home,
  port: 0,
  mqtt: { port: 0 },
  dashboard: false,
  env: {},
  log: () => {},
  // Latency settings: a row closes when the next one arrives (or after 2 periods), and each asset
  // is scored every `stride` rows.
  stream: {
    windowStride: stride,
    latenessNs: BigInt(Math.round(500 / R)) * 1_000_000n,
    idleCloseMs: Math.ceil(2000 / R),
    retrain: false,
  },
  limits: { requestsPerMinute: 1_000_000 },
});

// Models: one VAE trained on asset 0, then the same weights saved and activated for every asset
// (training N models would dominate the run and measure nothing about streaming).
const startMs = Date.now();
const historyRows = 20 * 60 * R;
await service.store.appendSeries(history(0, historyRows, startMs));
const trained = await trainModel({
  store: service.store,
  registry: service.registry,
  asset: assetName(0),
  detector: "vae",
  config: { epochs: 3, windowLength: WINDOW, trainStride: 4, seed: 1 },
  status: "active",
});
await service.scorer.reloadModel(assetName(0));
const registry = new ModelRegistry({ dir: service.registry.dir });
const profile = await readServingProfile(registry.dir, trained.id);
const { detector } = await registry.load(trained.id);
const train = history(0, 200, startMs);
for (let i = 1; i < N; i++) {
  const asset = assetName(i);
  await service.store.appendSeries({ ...history(i, 200, startMs), asset });
  const card = await registry.save({
    detector,
    train: { ...train, asset },
    asset,
    metrics: { ...trained.metrics } as Record<string, number>,
  });
  await writeServingProfile(registry.dir, { ...profile, model: card.id, asset });
  await activateModel(service.store, service.registry, card.id);
  await service.scorer.reloadModel(asset);
}

// The live phase: the publisher thread sends rows and reports when each was published.
const ws = new WebSocket(`${service.url.replace("http", "ws")}/api/live`);
await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
const scoreArrivals: { site: string; machine: string; t: number; at: number }[] = [];
const eventArrivals: { site: string; machine: string; t: number; at: number }[] = [];
ws.on("message", (data) => {
  const at = performance.timeOrigin + performance.now();
  const m = JSON.parse(data.toString()) as LiveMessage;
  if (m.type === "scores")
    for (const p of m.points) scoreArrivals.push({ site: p.site, machine: p.machine, t: p.t, at });
  if (m.type === "event" && m.event.status === "open") {
    eventArrivals.push({ site: m.event.site, machine: m.event.machine, t: m.event.start, at });
  }
});
const scoredBefore = service.metrics.scoredWindows.get();
const publisher = startTsWorker(new URL("./publisher.ts", import.meta.url), {
  workerData: { url: service.mqtt.url, assets: N, channels: C, rate: R, seconds: D },
});
const published = await new Promise<{
  sent: number;
  acked: number;
  times: [string, number][];
  lagMs: number;
}>((resolve, reject) => publisher.once("message", resolve).once("error", reject));
await publisher.terminate();
// Let the last rows close and be scored.
await new Promise((resolve) => setTimeout(resolve, 2000));
const liveScored = service.metrics.scoredWindows.get() - scoredBefore;

const publishedAt = new Map(published.times);
const latencies = (arrivals: typeof scoreArrivals) =>
  arrivals.flatMap((a) => {
    const sent = publishedAt.get(key(a.site, a.machine, a.t));
    return sent === undefined ? [] : [a.at - sent];
  });
const scoreLatency = latencies(scoreArrivals);
const eventLatency = latencies(eventArrivals);

let stored = 0;
const storedKeys = new Set<string>();
for (let i = 0; i < N; i++) {
  const s = await service.store.querySeries({ asset: assetName(i), from: BigInt(startMs) * 1_000_000n });
  for (const column of s.values) for (const v of column) if (!Number.isNaN(v)) stored++;
  for (const t of s.timestamps)
    storedKeys.add(key(assetName(i).site, assetName(i).machine, Number(t / 1_000_000n)));
}
// Rows acknowledged but not found in the store (asset/t), for diagnosis when `lost` is not 0.
const missingRows = published.times.filter(([k]) => !storedKeys.has(k)).map(([k]) => k);

// Ingest capacity: the publisher floods rows (1/R apart in event time, from an hour ahead) as fast as
// the service acknowledges them, i.e. stores and hands them to the scorer; then count in = count stored.
const floodFrom = Date.now() + 3_600_000;
const flooder = startTsWorker(new URL("./publisher.ts", import.meta.url), {
  workerData: { url: service.mqtt.url, assets: N, channels: C, rate: R, seconds: 5, flood: floodFrom },
});
const flood = await new Promise<{ acked: number; elapsed: number; lastT: number }>((resolve, reject) =>
  flooder.once("message", resolve).once("error", reject),
);
await flooder.terminate();
let floodStored = 0;
for (let i = 0; i < N; i++) {
  const s = await service.store.querySeries({ asset: assetName(i), from: BigInt(floodFrom) * 1_000_000n });
  for (const column of s.values) for (const v of column) if (!Number.isNaN(v)) floodStored++;
}

// Scorer capacity: rows for every asset pushed straight into the scorer (no MQTT, no store) as fast
// as its backpressure allows, 4 seconds of wall time.
const capacityStart = performance.now();
const scoredAtStart = service.metrics.scoredWindows.get();
let tMs = flood.lastT + 60_000;
while (performance.now() - capacityStart < 4000) {
  const readings = [];
  for (let k = 0; k < 20; k++, tMs += 1000 / R) {
    for (let i = 0; i < N; i++) {
      const row = benchRow(k, C, false);
      for (let c = 0; c < C; c++)
        readings.push({
          asset: assetName(i),
          channel: `c${c}`,
          t: BigInt(Math.round(tMs)) * 1_000_000n,
          v: row[c]!,
        });
    }
  }
  await service.scorer.push(readings);
}
await new Promise((resolve) => setTimeout(resolve, 1000));
const capacitySeconds = (performance.now() - capacityStart) / 1000;
const capacityWindows = service.metrics.scoredWindows.get() - scoredAtStart;

ws.close();
await service.close();
const result = {
  assets: N,
  channels: C,
  rateHz: R,
  seconds: D,
  stride,
  window: WINDOW,
  targetReadingsPerSecond: N * C * R,
  sentReadings: published.sent * C,
  ackedReadings: published.acked * C,
  storedReadings: stored,
  lost: published.acked * C - stored,
  missingRows: missingRows.slice(0, 5),
  achievedReadingsPerSecond: (published.acked * C) / D,
  publisherLagMs: published.lagMs,
  floodReadingsPerSecond: (flood.acked * C) / flood.elapsed,
  floodLost: flood.acked * C - floodStored,
  liveScoredWindows: liveScored,
  scoreLatencyMs: {
    n: scoreLatency.length,
    p50: percentile(scoreLatency, 0.5),
    p99: percentile(scoreLatency, 0.99),
  },
  eventLatencyMs: {
    n: eventLatency.length,
    p50: percentile(eventLatency, 0.5),
    p99: percentile(eventLatency, 0.99),
  },
  events: eventArrivals.length,
  scorerWindowsPerSecond: capacityWindows / capacitySeconds,
  model: trained.id,
  modelDir: `${registry.dir}/${trained.id}`,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
