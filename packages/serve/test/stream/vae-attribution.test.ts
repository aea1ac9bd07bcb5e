import assert from "node:assert/strict";
import { test } from "node:test";
import type { Explanation } from "../../src/api/contract.ts";
import { trainModel } from "../../src/models/index.ts";
import { type AttributionSummary, createStreamScorer } from "../../src/stream/index.ts";
import { ASSET, syntheticSeries, workspace } from "../models/synthetic-asset.ts";
import { chunks, readingsOf } from "./stream-helpers.ts";

test("a VAE's event carries the contribution explanation and detect's gradient attribution", async () => {
  const ws = await workspace();
  try {
    await ws.store.appendSeries(syntheticSeries({ rows: 3000 }));
    const model = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "vae",
      config: { windowLength: 32, hidden: 16, latent: 4, cnnBlocks: 2, epochs: 6 },
      drift: { blockSteps: 20, windowBlocks: 4, ertSteps: 4000, runs: 20 },
    });
    assert.equal(model.profile.context, 31, "a window of 32 rows precedes the first score");
    assert.deepEqual(
      model.profile.drift?.embedding,
      ["latent:0", "latent:1", "latent:2", "latent:3"],
      "latent drift watches the VAE's latent code",
    );
    const scorer = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      retrain: false,
    });
    const opened: {
      detail: Record<string, unknown> | undefined;
      channel: string | undefined;
      explanation: Explanation | undefined;
    }[] = [];
    scorer.subscribe({
      event: (e, explanation, phase) => {
        if (phase === "opened") opened.push({ detail: e.detail, channel: e.channel, explanation });
      },
    });
    const live = syntheticSeries({
      rows: 600,
      first: 3000,
      seed: 9,
      anomaly: { from: 3300, to: 3360, size: 4 },
    });
    for (const part of chunks(readingsOf(live), 200)) await scorer.push(part);
    await scorer.close();
    const event = opened.find((o) => o.channel === "c");
    assert.ok(event !== undefined, `an event attributed to c opened (${opened.map((o) => o.channel)})`);
    assert.equal(event.explanation?.ranking[0]?.channel, "c");
    const attribution = event.detail?.attribution as AttributionSummary | undefined;
    assert.ok(attribution !== undefined, "the worker attributed the event");
    assert.equal(attribution.method, "vae-attribution");
    assert.deepEqual(attribution.channels.map((c) => c.channel).sort(), ["a", "b", "c", "d"]);
    assert.equal(attribution.channels[0]?.channel, "c", "detect ranks by error share too");
    assert.ok(
      Number.isFinite(attribution.completeness.sum) && Number.isFinite(attribution.completeness.score),
    );
  } finally {
    await ws.close();
  }
});
