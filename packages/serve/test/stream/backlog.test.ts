import assert from "node:assert/strict";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { trainModel } from "../../src/models/index.ts";
import { createStreamScorer, type ScoredPoint } from "../../src/stream/index.ts";
import { ASSET, CHANNELS, syntheticSeries, TEST_DRIFT, workspace } from "../models/synthetic-asset.ts";
import { chunks, readingsOf } from "./stream-helpers.ts";

const STRIDE = 10;

/** Scores of 700 live rows from a windowed detector, pushed a stride at a time or as one burst. */
async function scoresWhenPushed(pace: "stride by stride" | "as one backlog"): Promise<[bigint, number][]> {
  const ws = await workspace();
  try {
    await ws.store.appendSeries(syntheticSeries({ rows: 2000 }));
    await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "rolling-robust-z",
      config: { window: 30 },
      drift: TEST_DRIFT,
    });
    const scorer = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      windowStride: STRIDE,
      retrain: false,
    });
    const points: ScoredPoint[] = [];
    scorer.subscribe({ scores: (p) => points.push(...p) });
    const readings = readingsOf(
      syntheticSeries({ rows: 700, first: 2000, seed: 5, anomaly: { from: 2300, to: 2340, size: 5 } }),
    );
    if (pace === "as one backlog") await scorer.push(readings);
    else
      for (const part of chunks(readings, CHANNELS.length * STRIDE)) {
        await scorer.push(part);
        // Let the batch loop send this stride on its own before the next arrives.
        await sleep(60);
      }
    await scorer.close();
    return points.map((p) => [p.t, p.score]);
  } finally {
    await ws.close();
  }
}

test("a backlog scored in calls of many strides gives every row the score stride-by-stride scoring gives", async () => {
  const strideByStride = await scoresWhenPushed("stride by stride");
  const backlog = await scoresWhenPushed("as one backlog");
  // The first 30 rows lack a full window of history (the scorer starts without one): 670 scores.
  assert.equal(backlog.length, 700 - 30, "every row with a full window scored once");
  assert.deepEqual(
    backlog.map(([t]) => t),
    [...backlog.map(([t]) => t)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    "in time order",
  );
  assert.deepEqual(backlog, strideByStride);
});
