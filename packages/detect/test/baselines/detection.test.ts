import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "@vigil/core/errors";
import { BASELINE_RESTORERS, IsolationForest, PcaDetector, RollingRobustZ } from "@vigil/detect/baselines";
import type { Detector } from "@vigil/detect/detector";
import { ANOMALY, quantile, syntheticSeries, topChannelShare } from "./synthetic.ts";

const train = syntheticSeries(2000, 1, { coupled: true, anomaly: false });
const test_ = syntheticSeries(1000, 2, { coupled: true, anomaly: true });

/**
 * [name, factory, quantile of the normal scores that the typical anomalous score must beat]. Isolation
 * Forest on raw points is weak on a shift of one channel out of four (normal joint extremes isolate as
 * fast; scikit-learn's scores on this data are the same, see isolation-forest.test.ts), hence 0.9.
 */
const detectors: [string, () => Detector, number][] = [
  ["rolling robust z", () => new RollingRobustZ({ window: 120, minPeriods: 60 }), 0.99],
  ["PCA T²/Q", () => new PcaDetector(), 0.99],
  ["isolation forest", () => new IsolationForest({ seed: 7 }), 0.9],
];

for (const [name, make, normalQuantile] of detectors) {
  test(`${name}: the score rises at the anomaly and the anomalous channel contributes most`, async () => {
    const detector = make();
    await detector.fit(train);
    const result = await detector.score(test_);
    assert.equal(result.score.length, 1000);
    assert.deepEqual(result.channels, ["a", "b", "c", "d"]);
    const normal = result.score.slice(0, ANOMALY.start - 20);
    const anomalous = result.score.slice(ANOMALY.start, ANOMALY.end);
    const normalHigh = quantile(normal, normalQuantile);
    const anomalousTypical = quantile(anomalous, 0.5);
    assert.ok(
      anomalousTypical > normalHigh,
      `${anomalousTypical} should exceed the normal ${normalQuantile} quantile ${normalHigh}`,
    );
    const share = topChannelShare(result.channelContributions, ANOMALY.start, ANOMALY.end, ANOMALY.channel);
    assert.ok(share >= 0.9, `channel c is the top contributor at ${share} of anomalous steps`);
  });

  test(`${name}: a restored state scores identically`, async () => {
    const detector = make();
    await detector.fit(train);
    const state = detector.exportState();
    const json = JSON.parse(JSON.stringify(state.card));
    const restored = BASELINE_RESTORERS[state.card.kind]!({ tensors: state.tensors, card: json });
    const [a, b] = await Promise.all([detector.score(test_), restored.score(test_)]);
    assert.deepEqual(b.score, a.score);
    assert.deepEqual(b.channelContributions, a.channelContributions);
  });
}

test("detectors reject misspelled options, missing channels and use before fit", async () => {
  assert.throws(() => new RollingRobustZ({ windw: 5 } as never), VigilArgumentError);
  assert.throws(() => new IsolationForest({ trees: 0 }), /positive integer for trees/);
  assert.throws(() => new RollingRobustZ({ window: 10, minPeriods: 20 }), /minPeriods/);
  await assert.rejects(new PcaDetector().score(test_), { code: "VIGIL_ERR_NOT_FITTED" });
  const pca = new PcaDetector();
  await pca.fit(train);
  const fewer = { ...test_, channels: test_.channels.slice(1), values: test_.values.slice(1) };
  await assert.rejects(pca.score(fewer), /no channel "a"/);
});
