import assert from "node:assert/strict";
import { test } from "node:test";
import type { DriftStatus, Job, ModelSummary } from "../../src/api/contract.ts";
import { createStreamScorer } from "../../src/stream/index.ts";
import { ASSET, syntheticSeries, trainedPca, workspace } from "../models/synthetic-asset.ts";
import { readingsOf } from "../stream/stream-helpers.ts";

const DRIFT = { blockSteps: 20, windowBlocks: 5, ertSteps: 20_000, runs: 30 };
const RETRAIN = { minNormalRows: 1200, shadowSteps: 400, heldOutFraction: 0.4, drift: DRIFT };
/** A regime change small enough not to hold the anomaly threshold, large enough to be drift. */
const SHIFT = 0.3;

/**
 * Streams a regime change into a scorer with retraining on: normal rows, then shifted rows until the
 * retrained model reaches its shadow period, then `after` (shifted or back to normal) for the shadow period.
 */
async function driftScenario(after: "shifted" | "normal") {
  const ws = await workspace();
  const jobs: Job[] = [];
  const models: ModelSummary[] = [];
  const drift: DriftStatus[] = [];
  let scorer: Awaited<ReturnType<typeof createStreamScorer>> | undefined;
  try {
    const first = await trainedPca(ws);
    const s = await createStreamScorer({
      store: ws.store,
      registry: ws.registry,
      home: ws.home,
      windowStride: 10,
      retrain: RETRAIN,
    });
    scorer = s;
    let scored = 0;
    s.subscribe({
      job: (j) => jobs.push(j),
      model: (m) => models.push(m),
      drift: (_a, d) => drift.push(d),
      scores: (p) => void (scored += p.length),
    });
    let next = 4000;
    // push() resolves once rows are buffered; the scenario's phases depend on what has been scored,
    // so each part waits for its scores (a full stride each: 100-row parts, stride 10).
    const stream = async (rows: number, offset: number) => {
      const part = syntheticSeries({ rows, first: next, seed: next, shift: { from: 0, offset } });
      next += rows;
      await ws.store.appendSeries(part); // ingest stores a reading before the scorer sees it
      await s.push(readingsOf(part));
      while (scored < next - 4000) await new Promise((r) => setTimeout(r, 10));
    };
    await stream(400, 0);
    const retrainState = () => s.status(ASSET).drift?.retrain?.state;
    for (let i = 0; i < 60 && retrainState() !== "shadow"; i++) {
      await stream(100, SHIFT);
      // Training runs in the background: wait for it rather than stream past it.
      while (retrainState() === "training") await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(retrainState(), "shadow", "the retrained model reached its shadow period");
    await stream(RETRAIN.shadowSteps + 100, after === "shifted" ? SHIFT : 0);
    await s.close();
    return { ws, first: first.id, jobs, models, drift, status: s.status(ASSET) };
  } catch (error) {
    await scorer?.close();
    await ws.close();
    throw error;
  }
}

test("drift → retrain on clean recent rows → shadow → promoted when the new model fits the new regime", async () => {
  const r = await driftScenario("shifted");
  try {
    assert.ok(
      r.drift.some((d) => d.channels.d?.alarm || d.latent.alarm || d.score.alarm),
      "drift alarmed",
    );
    const job = r.jobs.at(-1)!;
    assert.equal(job.kind, "retrain");
    assert.equal(job.state, "done");
    assert.match(job.message ?? "", /^promoted/);
    const promoted = job.model!;
    assert.equal(await r.ws.registry.active(ASSET), promoted);
    assert.equal((await r.ws.registry.get(r.first)).status, "retired");
    assert.equal(r.status.model, promoted, "the scorer serves the promoted model");
    const [record] = (await r.ws.store.queryModels({ asset: ASSET })).filter((m) => m.id === promoted);
    assert.equal(record?.status, "active");
    assert.equal(record?.metrics.verdict, "promoted");
    assert.deepEqual(
      r.models.filter((m) => m.id === promoted).map((m) => m.status),
      ["shadow", "active"],
    );
  } finally {
    await r.ws.close();
  }
});

test("a retrained model that flags what the active model calls normal is rejected", async () => {
  const r = await driftScenario("normal");
  try {
    const job = r.jobs.at(-1)!;
    assert.equal(job.state, "done");
    assert.match(job.message ?? "", /^rejected/);
    assert.equal(await r.ws.registry.active(ASSET), r.first);
    assert.equal((await r.ws.registry.get(job.model!)).status, "retired");
    const [record] = (await r.ws.store.queryModels({ asset: ASSET })).filter((m) => m.id === job.model);
    assert.equal(record?.metrics.verdict, "rejected");
    assert.equal(r.status.model, r.first);
  } finally {
    await r.ws.close();
  }
});
