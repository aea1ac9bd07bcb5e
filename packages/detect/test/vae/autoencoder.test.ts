import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { createDetector } from "@vigil/detect/catalog";
import { ModelRegistry } from "@vigil/detect/registry";
import { VaeDetector } from "@vigil/detect/vae";
import { ANOMALY, quantile, topChannelShare } from "../baselines/synthetic.ts";
import { TINY, test_, train } from "./tiny.ts";

const roots: string[] = [];
after(() => Promise.all(roots.map((dir) => rm(dir, { recursive: true, force: true }))));

for (const [kind, encoder] of [
  ["conv-ae", "cnn"],
  ["lstm-ae", "lstm"],
] as const) {
  test(`${kind}: a deterministic autoencoder that detects and localises the offset, saved and restored exactly`, async () => {
    const detector = createDetector(kind, TINY) as VaeDetector;
    assert.equal(detector.kind, kind);
    assert.equal(detector.options.encoder, encoder);
    assert.equal(detector.options.variational, false);
    await detector.fit(train);
    const result = await detector.score(test_);
    assert.deepEqual(Object.keys(result.components), ["reconstruction"]);
    assert.deepEqual(result.score, result.components.reconstruction);
    const normalHigh = quantile(result.score.slice(0, ANOMALY.start - 20), 0.99);
    const anomalous = quantile(result.score.slice(ANOMALY.start, ANOMALY.end), 0.5);
    assert.ok(anomalous > normalHigh, `anomalous median ${anomalous} vs normal 0.99 quantile ${normalHigh}`);
    const share = topChannelShare(result.channelContributions, ANOMALY.start, ANOMALY.end, ANOMALY.channel);
    assert.ok(share >= 0.9, `channel c is the top contributor at ${share} of anomalous steps`);

    const state = detector.exportState();
    assert.ok(!Object.keys(state.tensors).some((name) => name.startsWith("model.logvar")));
    const dir = await mkdtemp(join(tmpdir(), "vigil-ae-"));
    roots.push(dir);
    const registry = new ModelRegistry({ dir });
    const card = await registry.save({ detector, train });
    assert.equal(card.kind, kind);
    const { detector: loaded } = await registry.load(card.id);
    assert.equal(loaded.kind, kind);
    assert.deepEqual((await loaded.score(test_)).score, result.score);
    detector.dispose();
    (loaded as VaeDetector).dispose();
  });
}

test("an autoencoder kind rejects the options it fixes, naming the key", () => {
  assert.throws(
    () => createDetector("lstm-ae", { encoder: "cnn" }),
    (e) => e instanceof VigilArgumentError && /"encoder" is fixed by the detector "lstm-ae"/.test(e.message),
  );
  assert.throws(
    () => createDetector("conv-ae", { variational: true }),
    (e) => e instanceof VigilArgumentError && /"variational"/.test(e.message),
  );
  assert.throws(
    () => createDetector("vae", { variational: "no" }),
    (e) => e instanceof VigilArgumentError && /boolean for variational/.test(e.message),
  );
});

test("a card whose kind contradicts its config is an input error", async () => {
  const detector = new VaeDetector({ ...TINY, epochs: 1, variational: false, encoder: "cnn" });
  await detector.fit(train);
  const state = detector.exportState();
  assert.throws(
    () => VaeDetector.fromState({ ...state, card: { ...state.card, kind: "lstm-ae" } }),
    (e) => e instanceof VigilInputError && /makes a "conv-ae"/.test(e.message),
  );
  detector.dispose();
});
