import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "@vigil/core/errors";
import { VaeDetector } from "@vigil/detect/vae";
import { TINY, test_, train } from "./tiny.ts";

test("network weights moved from one VAE to another make it score as the first", async () => {
  const a = new VaeDetector({ ...TINY, epochs: 2, seed: 1 });
  const b = new VaeDetector({ ...TINY, epochs: 1, seed: 2 });
  await Promise.all([a.fit(train), b.fit(train)]);
  const weights = a.networkWeights();
  assert.ok(weights.length > 0);
  assert.notDeepEqual((await b.score(test_)).score, (await a.score(test_)).score);
  await b.loadNetworkWeights(weights);
  // Same training data, so the same normaliser: with a's weights b is a.
  assert.deepEqual((await b.score(test_)).score, (await a.score(test_)).score);
  assert.deepEqual(b.networkWeights(), weights);
  // The returned arrays are copies: changing them leaves the detector alone.
  weights[0]!.data.fill(0);
  assert.notDeepEqual(a.networkWeights()[0]!.data, weights[0]!.data);
  a.dispose();
  b.dispose();
});

test("initial network weights are seeded, shaped like a fitted network's, and loadable", async () => {
  const first = VaeDetector.initialNetworkWeights({ ...TINY, seed: 3 }, 4);
  assert.deepEqual(VaeDetector.initialNetworkWeights({ ...TINY, seed: 3 }, 4), first);
  assert.notDeepEqual(VaeDetector.initialNetworkWeights({ ...TINY, seed: 4 }, 4), first);
  const detector = new VaeDetector({ ...TINY, epochs: 1, seed: 3 });
  await detector.fit(train);
  assert.deepEqual(
    detector.networkWeights().map((w) => [w.name, w.shape]),
    first.map((w) => [w.name, w.shape]),
  );
  await detector.loadNetworkWeights(first);
  assert.deepEqual(detector.networkWeights(), first);
  detector.dispose();
});

test("loadNetworkWeights rejects a wrong shape, a missing tensor and an unfitted detector", async () => {
  const detector = new VaeDetector({ ...TINY, epochs: 1 });
  await assert.rejects(() => detector.loadNetworkWeights([]), /fitted|fit/i);
  await detector.fit(train);
  const weights = detector.networkWeights();
  await assert.rejects(() => detector.loadNetworkWeights(weights.slice(1)), VigilArgumentError);
  const wrong = weights.map((w, i) => (i === 0 ? { ...w, shape: [w.data.length, 1] } : w));
  await assert.rejects(() => detector.loadNetworkWeights(wrong), /shape/);
  detector.dispose();
});
