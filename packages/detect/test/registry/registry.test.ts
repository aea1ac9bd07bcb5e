import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { IsolationForest, PcaDetector } from "@vigil/detect/baselines";
import { fingerprintSeries, ModelRegistry } from "@vigil/detect/registry";
import { syntheticSeries } from "../baselines/synthetic.ts";

const asset = { site: "plant", machine: "pump-1" };
const train = { ...syntheticSeries(600, 1, { coupled: true, anomaly: false }), asset };
const scored = syntheticSeries(300, 2, { coupled: true, anomaly: false });

const roots: string[] = [];
after(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

async function freshRegistry(): Promise<ModelRegistry> {
  const dir = await mkdtemp(join(tmpdir(), "vigil-registry-"));
  roots.push(dir);
  return new ModelRegistry({ dir: join(dir, "models") });
}

async function fittedPca(): Promise<PcaDetector> {
  const pca = new PcaDetector();
  await pca.fit(train);
  return pca;
}

function inputError(pattern: RegExp, source?: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof VigilInputError, String(e));
    assert.match(e.message, pattern);
    if (source !== undefined) assert.match(e.source, source);
    return true;
  };
}

test("saves, lists, and loads a model that scores exactly as the original", async () => {
  const registry = await freshRegistry();
  const pca = await fittedPca();
  const card = await registry.save({
    detector: pca,
    train,
    metrics: { f1: 0.8 },
    normaliser: { kind: "none" },
  });
  assert.equal(card.kind, "pca");
  assert.equal(card.version, 1);
  assert.deepEqual(card.asset, asset);
  assert.equal(card.training.fingerprint, fingerprintSeries(train));
  assert.deepEqual(card.training.channels, ["a", "b", "c", "d"]);
  assert.deepEqual(card.tensors.comoment, { dtype: "float64", shape: [4, 4] });
  assert.deepEqual(await readdir(join(registry.dir, card.id)), ["card.json", "weights.safetensors"]);
  assert.deepEqual((await readdir(registry.dir)).sort(), [card.id, "registry.json"].sort());

  const [entry] = await registry.list();
  assert.equal(entry?.card.id, card.id);
  assert.equal(entry?.status, "shadow");
  const loaded = await registry.load(card.id);
  assert.deepEqual(loaded.card, card);
  const [a, b] = await Promise.all([pca.score(scored), loaded.detector.score(scored)]);
  assert.deepEqual(b.score, a.score);
});

test("activation per asset, roll-back to the previous version, and retirement", async () => {
  const registry = await freshRegistry();
  const pca = await fittedPca();
  const v1 = await registry.save({ detector: pca, train });
  const v2 = await registry.save({ detector: pca, train });
  const forest = new IsolationForest({ trees: 5 });
  await forest.fit(train);
  const other = await registry.save({ detector: forest, train });
  assert.deepEqual([v1.version, v2.version, other.version], [1, 2, 1]);

  await registry.activate(v1.id);
  await registry.activate(v2.id);
  const status = async () => Object.fromEntries((await registry.list()).map((e) => [e.card.id, e.status]));
  assert.deepEqual(await status(), { [v1.id]: "retired", [v2.id]: "active", [other.id]: "shadow" });
  assert.equal(await registry.active(asset), v2.id);

  await assert.rejects(registry.retire(v2.id), { code: "VIGIL_ERR_MODEL_ACTIVE" });
  const back = await registry.rollBack(asset);
  assert.equal(back.card.id, v1.id);
  assert.deepEqual(await status(), { [v1.id]: "active", [v2.id]: "retired", [other.id]: "shadow" });
  await assert.rejects(registry.rollBack(asset), { code: "VIGIL_ERR_NO_PREVIOUS_MODEL" });
  await registry.retire(other.id);
  assert.equal((await registry.get(other.id)).status, "retired");

  // A reopened registry sees the same state.
  assert.equal(await new ModelRegistry({ dir: registry.dir }).active(asset), v1.id);

  const { asset: _, ...noAsset } = train;
  const floating = await registry.save({ detector: pca, train: noAsset });
  await assert.rejects(registry.activate(floating.id), { code: "VIGIL_ERR_NO_ASSET" });
});

test("tampered files are rejected with errors that say what and where", async () => {
  const registry = await freshRegistry();
  const pca = await fittedPca();
  const { id } = await registry.save({ detector: pca, train });
  const weightsPath = join(registry.dir, id, "weights.safetensors");
  const cardPath = join(registry.dir, id, "card.json");
  const weights = await readFile(weightsPath);
  const cardText = await readFile(cardPath, "utf8");

  await writeFile(weightsPath, weights.subarray(0, weights.length - 10));
  await assert.rejects(registry.load(id), inputError(/truncated/, /weights\.safetensors$/));

  const flipped = Buffer.from(weights);
  flipped[flipped.length - 1]! ^= 0xff;
  await writeFile(weightsPath, flipped);
  await assert.rejects(registry.load(id), inputError(/sha256/));
  await writeFile(weightsPath, weights);

  const card = JSON.parse(cardText);
  card.tensors.mean.shape = [5];
  await writeFile(cardPath, JSON.stringify(card));
  await assert.rejects(
    registry.load(id),
    inputError(/tensor "mean" has shape \[4\] but the card says \[5\]/),
  );

  card.tensors.mean.shape = [4];
  card.tensors.extra = { dtype: "float64", shape: [1] };
  await writeFile(cardPath, JSON.stringify(card));
  await assert.rejects(registry.load(id), inputError(/lacks it/));

  delete card.tensors.extra;
  delete card.training;
  await writeFile(cardPath, JSON.stringify(card));
  await assert.rejects(registry.get(id), inputError(/^.*card\.json.*training/, /card\.json$/));

  await writeFile(cardPath, '{\n  "formatVersion": 1,\n  "id": oops\n}');
  await assert.rejects(registry.get(id), (e: unknown) => {
    assert.ok(e instanceof VigilInputError);
    assert.equal(e.line, 3);
    return true;
  });

  await writeFile(cardPath, cardText);
  const second = await registry.save({ detector: pca, train });
  await writeFile(weightsPath, await readFile(join(registry.dir, second.id, "weights.safetensors")));
  await assert.rejects(registry.load(id), inputError(/belong to model/));
});

test("ids cannot escape the workspace, and unknown models are reported", async () => {
  const registry = await freshRegistry();
  await assert.rejects(registry.get("../etc"), VigilArgumentError);
  await assert.rejects(registry.get("nothing-here"), { code: "VIGIL_ERR_MODEL_NOT_FOUND" });
  assert.throws(() => new ModelRegistry({ directory: "x" } as never), VigilArgumentError);
});

test("a half-written model left by a crash is invisible, and saves leave no temporaries", async () => {
  const registry = await freshRegistry();
  await mkdir(join(registry.dir, ".3f2a.tmp"), { recursive: true });
  await writeFile(join(registry.dir, ".3f2a.tmp", "weights.safetensors"), "partial");
  assert.deepEqual(await registry.list(), []);
  const pca = await fittedPca();
  await Promise.all([registry.save({ detector: pca, train }), registry.save({ detector: pca, train })]);
  const entries = await registry.list();
  assert.deepEqual(entries.map((e) => e.card.version).sort(), [1, 2]);
  const visible = (await readdir(registry.dir)).filter((n) => n.startsWith(".") && n !== ".3f2a.tmp");
  assert.deepEqual(visible, []);
});

test("the training fingerprint follows the data", () => {
  const copy = { ...train, values: train.values.map((v) => v.slice()) };
  assert.equal(fingerprintSeries(copy), fingerprintSeries(train));
  copy.values[3]![100]! += 1e-12;
  assert.notEqual(fingerprintSeries(copy), fingerprintSeries(train));
  const renamed = { ...train, channels: train.channels.map((c, i) => (i === 0 ? { ...c, name: "z" } : c)) };
  assert.notEqual(fingerprintSeries(renamed), fingerprintSeries(train));
});
