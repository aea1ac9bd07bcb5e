import assert from "node:assert/strict";
import { test } from "node:test";
import { sliceByIndex } from "@vigil/core";
import { PcaDetector } from "@vigil/detect/baselines";
import { syntheticSeries } from "./synthetic.ts";

const train = syntheticSeries(2000, 1, { coupled: true, anomaly: false });
const test_ = syntheticSeries(1000, 2, { coupled: true, anomaly: true });

const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;

test("T² and Q add up to the score, and channel contributions add up to it too", async () => {
  const pca = new PcaDetector();
  await pca.fit(train);
  const { score, components, channelContributions } = await pca.score(test_);
  for (let t = 0; t < score.length; t++) {
    assert.ok(Math.abs(components.t2![t]! + components.q![t]! - score[t]!) <= 1e-9 * score[t]!);
    const sum = channelContributions.reduce((s, c) => s + c[t]!, 0);
    assert.ok(Math.abs(sum - score[t]!) <= 1e-9 * score[t]!, `step ${t}: ${sum} vs ${score[t]}`);
    assert.ok(channelContributions.every((c) => c[t]! >= 0));
  }
});

test("each term averages (n−1)/n on the training data, as T²/k and Q/θ₁ should", async () => {
  const pca = new PcaDetector();
  await pca.fit(train);
  const { components } = await pca.score(train);
  const expected = (2000 - 1) / 2000;
  assert.ok(Math.abs(mean(components.t2!) - expected) < 1e-9, String(mean(components.t2!)));
  assert.ok(Math.abs(mean(components.q!) - expected) < 1e-9, String(mean(components.q!)));
});

test("update() merges new data exactly as refitting on all of it", async () => {
  const whole = new PcaDetector();
  await whole.fit(train);
  const incremental = new PcaDetector();
  await incremental.fit(sliceByIndex(train, 0, 700));
  await incremental.update(sliceByIndex(train, 700, 1500));
  await incremental.update(sliceByIndex(train, 1500));
  const [a, b] = await Promise.all([whole.score(test_), incremental.score(test_)]);
  for (let t = 0; t < a.score.length; t++)
    assert.ok(Math.abs(a.score[t]! - b.score[t]!) <= 1e-8 * a.score[t]!);
});

test("a fixed component count, all components (Q vanishes), and missing values", async () => {
  const all = new PcaDetector({ components: 4 });
  await all.fit(train);
  const { components } = await all.score(test_);
  assert.ok(components.q!.every((q) => Math.abs(q) < 1e-9));
  await assert.rejects(new PcaDetector({ components: 5 }).fit(train), /components/);

  const holes = test_.values.map((x) => x.slice());
  holes[0]![10] = Number.NaN;
  const pca = new PcaDetector();
  await pca.fit(train);
  const { score } = await pca.score({ ...test_, values: holes });
  assert.ok(score.every(Number.isFinite));
});
