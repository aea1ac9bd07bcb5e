import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { test } from "node:test";
import { trainModel } from "../../src/models/index.ts";
import { createStreamScorer, type StreamReading, snapshotPath } from "../../src/stream/index.ts";
import { workspace } from "../models/synthetic-asset.ts";
import { cloneModel, fleetAsset, wideSeries } from "./fleet.ts";

const ASSETS = 50;
const CHANNELS = 16;
const ROWS = 300;
const WINDOW = 32;

// A functional check of the fleet path (50 assets × 16 channels, every reading its own message, VAE on
// the worker pool); it reports throughput as a diagnostic and asserts no timing.
test("a fleet of 50 assets × 16 channels is scored completely through the worker pool", async (t) => {
  const ws = await workspace();
  try {
    const assets = Array.from({ length: ASSETS }, (_, i) => fleetAsset(i));
    const train = wideSeries(assets[0]!, CHANNELS, 3000, 0, 1);
    await ws.store.appendSeries(train);
    const model = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: assets[0],
      detector: "vae",
      config: { windowLength: WINDOW, hidden: 16, latent: 4, cnnBlocks: 2, epochs: 2, scoreBatchSize: 256 },
      drift: { blockSteps: 20, windowBlocks: 4, ertSteps: 4000, runs: 20 },
    });
    await cloneModel(ws.registry, model.id, train, assets.slice(1));
    const scorer = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      windowStride: 10,
      retrain: false,
    });
    let points = 0;
    let driftUpdates = 0;
    scorer.subscribe({ scores: (p) => void (points += p.length), drift: () => void driftUpdates++ });
    const live = assets.map((a, i) => wideSeries(a, CHANNELS, ROWS, 3000, 100 + i));
    const started = performance.now();
    for (let row = 0; row < ROWS; row += 10) {
      const readings: StreamReading[] = [];
      for (let r = row; r < row + 10; r++)
        for (const s of live)
          for (let c = 0; c < CHANNELS; c++)
            readings.push({ asset: s.asset!, channel: `ch${c}`, t: s.timestamps[r]!, v: s.values[c]![r]! });
      await scorer.push(readings);
    }
    await scorer.close();
    const seconds = (performance.now() - started) / 1000;
    // The first WINDOW − 1 rows of each asset have no full window yet.
    assert.equal(points, ASSETS * (ROWS - WINDOW + 1));
    assert.ok(driftUpdates > 0);
    for (const a of assets) assert.equal(scorer.status(a).health === "unknown", false);
    const readings = ASSETS * CHANNELS * ROWS;
    const snapshotKb = (await stat(snapshotPath(ws.home))).size / 1024;
    t.diagnostic(
      `${readings} readings (${ASSETS * ROWS} rows) in ${seconds.toFixed(2)} s: ${(readings / seconds).toFixed(0)} readings/s, ` +
        `${((ASSETS * ROWS) / seconds).toFixed(0)} windows/s; real time needs ${ASSETS * CHANNELS * 10} readings/s; snapshot ${snapshotKb.toFixed(0)} KiB`,
    );
  } finally {
    await ws.close();
  }
});
