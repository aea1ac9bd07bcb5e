import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { VigilInputError } from "@vigil/core/errors";
import { BASELINE_RESTORERS } from "@vigil/detect/baselines";
import { ModelRegistry } from "@vigil/detect/registry";
import { VAE_RESTORERS, VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { TINY, test_, train } from "./tiny.ts";

const roots: string[] = [];
after(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

test("a VAE saved to the registry and loaded again scores identically", async () => {
  const dir = await mkdtemp(join(tmpdir(), "vigil-vae-"));
  roots.push(dir);
  const registry = new ModelRegistry({ dir, restorers: { ...BASELINE_RESTORERS, ...VAE_RESTORERS } });
  const detector = new VaeDetector({ ...TINY, epochs: 3, forecastHorizon: 3 });
  await detector.fit(train);
  const card = await registry.save({ detector, train, metrics: { epochs: 3 } });
  assert.equal(card.kind, "vae");
  assert.equal(card.tensors["model.mu.weight"]?.dtype, "float32");
  const { detector: loaded } = await registry.load(card.id);
  const [a, b] = [await detector.score(test_), await loaded.score(test_)];
  assert.deepEqual(b.score, a.score);
  assert.deepEqual(b.components, a.components);
  assert.deepEqual(b.channelContributions, a.channelContributions);
  detector.dispose();
  (loaded as VaeDetector).dispose();
});

const variants: Partial<VaeDetectorOptions>[] = [
  { encoder: "transformer", transformerLayers: 1, reconstructionLoss: "gaussian-nll" },
  { encoder: "lstm", normaliser: "zscore", reconstructionLoss: "mae" },
];
for (const variant of variants) {
  test(`exportState / fromState round-trips a ${variant.encoder} VAE through JSON`, async () => {
    const detector = new VaeDetector({ ...TINY, epochs: 1, ...variant });
    await detector.fit(train);
    const state = detector.exportState();
    const restored = VaeDetector.fromState({
      tensors: state.tensors,
      card: JSON.parse(JSON.stringify(state.card)),
    });
    assert.deepEqual(restored.options, detector.options);
    assert.deepEqual((await restored.score(test_)).score, (await detector.score(test_)).score);
    detector.dispose();
    restored.dispose();
  });
}

test("a state with a missing or misshapen weight is an input error", async () => {
  const detector = new VaeDetector({ ...TINY, epochs: 1 });
  await detector.fit(train);
  const state = detector.exportState();
  const { "model.mu.bias": _, ...missing } = state.tensors;
  assert.throws(
    () => VaeDetector.fromState({ ...state, tensors: missing }),
    (e) => e instanceof VigilInputError && /model.mu.bias/.test(e.message),
  );
  const other = new VaeDetector({ ...TINY, latent: 4, epochs: 1 });
  await other.fit(train);
  const wrong = { tensors: other.exportState().tensors, card: state.card };
  assert.throws(() => VaeDetector.fromState(wrong), /shape/);
  detector.dispose();
  other.dispose();
});
