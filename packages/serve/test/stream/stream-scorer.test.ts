import assert from "node:assert/strict";
import { test } from "node:test";
import type { StoredEvent } from "@vigil/data/store";
import type { Explanation } from "../../src/api/contract.ts";
import { trainModel } from "../../src/models/index.ts";
import { createStreamScorer, type EventPhase, type ScoredPoint } from "../../src/stream/index.ts";
import { ASSET, syntheticSeries, TEST_DRIFT, trainedPca, workspace } from "../models/synthetic-asset.ts";
import { chunks, readingsOf } from "./stream-helpers.ts";

test("streams readings channel by channel, scores every row, opens and resolves an explained event", async () => {
  const ws = await workspace();
  try {
    const model = await trainedPca(ws);
    const scorer = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      windowStride: 10,
      retrain: false,
    });
    const points: ScoredPoint[] = [];
    const events: { event: StoredEvent; explanation: Explanation | undefined; phase: EventPhase }[] = [];
    scorer.subscribe({
      scores: (p) => points.push(...p),
      event: (event, explanation, phase) => events.push({ event, explanation, phase }),
    });
    const live = syntheticSeries({
      rows: 800,
      first: 4000,
      seed: 11,
      anomaly: { from: 4400, to: 4460, size: 4 },
    });
    for (const part of chunks(readingsOf(live), 64)) await scorer.push(part);
    await scorer.close();

    assert.equal(points.length, 800, "every row gets a score");
    assert.ok(points.every((p) => p.asset.machine === ASSET.machine && Number.isFinite(p.threshold)));
    const inAnomaly = points.filter((p) => p.t >= live.timestamps[400]! && p.t < live.timestamps[460]!);
    assert.ok(
      inAnomaly.every((p) => p.score > p.threshold),
      "the offset is above threshold throughout",
    );
    const opened = events.find((e) => e.phase === "opened");
    assert.ok(opened !== undefined, "an event opened");
    assert.equal(opened.event.start, live.timestamps[400]);
    assert.equal(opened.event.channel, "c");
    assert.equal(opened.explanation?.ranking[0]?.channel, "c");
    assert.equal(opened.explanation?.heatmap.channels.length, 4);
    assert.deepEqual(Object.keys(opened.explanation?.components ?? {}).sort(), ["q", "t2"]);
    assert.ok(
      events.some(
        (e) =>
          e.event.id === opened.event.id &&
          e.phase === "ended" &&
          e.event.status === "open" &&
          e.event.end >= live.timestamps[459]!,
      ),
      "it ended after the offset did, with its end stored and its status left to the operators",
    );
    const stored = await ws.store.queryEvents({ asset: ASSET });
    assert.equal(
      stored.filter((e) => e.type === "anomaly").length,
      events.filter((e) => e.phase === "opened").length,
    );
    const scores = await ws.store.queryScores({ asset: ASSET, model: model.id });
    assert.equal(scores.timestamps.length, 800);
    assert.equal(scorer.status(ASSET).model, model.id);
    assert.equal(scorer.status({ site: "no", machine: "model" }).health, "unknown");
  } finally {
    await ws.close();
  }
});

test("reloadModel switches an asset to its newly activated model; push waits while the pool is behind", async () => {
  const ws = await workspace();
  try {
    const first = await trainedPca(ws);
    const scorer = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      windowStride: 5,
      maxQueuedRows: 20,
      retrain: false,
    });
    let scoredBeforeResolve = 0;
    let points = 0;
    scorer.subscribe({ scores: (p) => void (points += p.length) });
    const live = syntheticSeries({ rows: 400, first: 4000, seed: 3 });
    // One push of 400 rows: it may resolve only once the backlog is down to maxQueuedRows.
    await scorer.push(readingsOf(live));
    scoredBeforeResolve = points;
    assert.ok(
      scoredBeforeResolve >= 400 - 20,
      `push resolved with ${400 - scoredBeforeResolve} rows still queued`,
    );
    assert.equal(scorer.status(ASSET).model, first.id);

    const second = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "pca",
      config: { components: 2 },
      status: "active",
      drift: TEST_DRIFT,
    });
    await scorer.reloadModel(ASSET);
    assert.equal(scorer.status(ASSET).model, second.id);
    await scorer.push(readingsOf(syntheticSeries({ rows: 100, first: 4400, seed: 4 })));
    await scorer.close();
    const scores = await ws.store.queryScores({ asset: ASSET, model: second.id });
    assert.equal(scores.timestamps.length, 100, "rows after the reload are scored by the new model");
    assert.equal((await ws.store.queryScores({ asset: ASSET, model: first.id })).timestamps.length, 400);
  } finally {
    await ws.close();
  }
});
