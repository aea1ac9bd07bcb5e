import assert from "node:assert/strict";
import { test } from "node:test";
import { readServingProfile, trainModel } from "../../src/models/index.ts";
import { ASSET, syntheticSeries, workspace } from "./synthetic-asset.ts";

test("trainModel fits, profiles, registers and mirrors a model; the second is a shadow", async () => {
  const ws = await workspace();
  try {
    await ws.store.appendSeries(syntheticSeries({ rows: 4000 }));
    const progress: string[] = [];
    const first = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "pca",
      drift: { blockSteps: 20, windowBlocks: 5, ertSteps: 2000, runs: 40 },
      onProgress: (p) => progress.push(p.stage),
    });
    assert.equal(first.status, "active");
    assert.equal(await ws.registry.active(ASSET), first.id);
    assert.deepEqual(progress.at(0), "loading");
    assert.deepEqual(progress.at(-1), "done");
    const profile = await readServingProfile(ws.registry.dir, first.id);
    assert.deepEqual(profile.channels, ["a", "b", "c", "d"]);
    assert.equal(profile.context, 0);
    assert.ok(profile.drift !== null, profile.driftOff);
    assert.ok(profile.drift.latent.threshold !== null && profile.drift.latent.threshold > 0);
    assert.ok(profile.drift.channel.threshold !== null && profile.drift.channel.threshold > 0);
    assert.ok(profile.heldOut.steps === 1000);
    // On held-out normal data the DSPOT threshold (risk 1e-4) is rarely crossed.
    assert.ok(profile.heldOut.alarmRate < 0.01, `alarm rate ${profile.heldOut.alarmRate}`);
    const [record] = await ws.store.queryModels({ asset: ASSET });
    assert.equal(record?.id, first.id);
    assert.equal(record?.status, "active");

    const second = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "pca",
      drift: { blockSteps: 20, windowBlocks: 5, ertSteps: 2000, runs: 40 },
    });
    assert.equal(second.status, "shadow");
    assert.equal(await ws.registry.active(ASSET), first.id);
    assert.equal((await ws.store.queryModels({ asset: ASSET, status: "shadow" }))[0]?.id, second.id);
  } finally {
    await ws.close();
  }
});

test("trainModel excludes stored events from the normal data and rejects unknown detectors", async () => {
  const ws = await workspace();
  try {
    const series = syntheticSeries({ rows: 3000, anomaly: { from: 1000, to: 1200, size: 5 } });
    await ws.store.appendSeries(series);
    await ws.store.appendEvent({
      asset: ASSET,
      start: series.timestamps[1000]!,
      end: series.timestamps[1199]!,
      type: "anomaly",
      severity: 5,
    });
    const trained = await trainModel({
      store: ws.store,
      registry: ws.registry,
      asset: ASSET,
      detector: "pca",
      drift: { blockSteps: 20, windowBlocks: 5, ertSteps: 2000, runs: 20 },
    });
    assert.equal(trained.metrics.trainRows! + trained.metrics.heldOutRows!, 2800);
    await assert.rejects(
      trainModel({ store: ws.store, registry: ws.registry, asset: ASSET, detector: "nope" }),
      (e: Error & { code?: string }) => e.code === "VIGIL_ERR_ARGUMENT",
    );
    await assert.rejects(
      trainModel({
        store: ws.store,
        registry: ws.registry,
        asset: { site: "x", machine: "y" },
        detector: "pca",
      }),
      (e: Error & { code?: string }) => e.code === "VIGIL_ERR_NOT_ENOUGH_DATA",
    );
  } finally {
    await ws.close();
  }
});
