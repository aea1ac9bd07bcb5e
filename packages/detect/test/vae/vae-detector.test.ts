import assert from "node:assert/strict";
import { test } from "node:test";
import { seriesFromColumns } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import type { FitProgress } from "@vigil/detect/detector";
import { VAE_ENCODERS, VaeDetector } from "@vigil/detect/vae";
import { memory } from "@vigil/torch";
import { ANOMALY, quantile, topChannelShare } from "../baselines/synthetic.ts";
import { TINY, test_, train } from "./tiny.ts";

for (const encoder of VAE_ENCODERS) {
  test(`${encoder} VAE: the score rises at the anomaly and channel c contributes most`, async () => {
    const detector = new VaeDetector({
      ...TINY,
      encoder,
      ...(encoder === "transformer" ? { transformerLayers: 1, epochs: 6 } : {}),
    });
    await detector.fit(train);
    const result = await detector.score(test_);
    assert.equal(result.score.length, 1000);
    assert.deepEqual(result.channels, ["a", "b", "c", "d"]);
    assert.ok(result.score.slice(0, 31).every(Number.isNaN), "the first L − 1 steps have no window");
    assert.ok(result.score.slice(31).every(Number.isFinite));
    const normalHigh = quantile(result.score.slice(0, ANOMALY.start - 20), 0.99);
    const anomalous = quantile(result.score.slice(ANOMALY.start, ANOMALY.end), 0.5);
    assert.ok(anomalous > normalHigh, `anomalous median ${anomalous} vs normal 0.99 quantile ${normalHigh}`);
    const share = topChannelShare(result.channelContributions, ANOMALY.start, ANOMALY.end, ANOMALY.channel);
    assert.ok(share >= 0.9, `channel c is the top contributor at ${share} of anomalous steps`);
    const latent = result.latent!;
    assert.equal(latent.length, detector.options.latent, "one column per latent dimension");
    assert.ok(latent.every((z) => z.slice(0, 31).every(Number.isNaN) && z.slice(31).every(Number.isFinite)));
    // The code of the last window equals the encoder's μ for that window, computed on its own.
    const last = await detector.score({
      ...test_,
      timestamps: test_.timestamps.subarray(1000 - 32),
      values: test_.values.map((v) => v.subarray(1000 - 32)),
    });
    for (const [k, z] of latent.entries()) assert.ok(Math.abs(z[999]! - last.latent![k]![31]!) < 1e-5);
    detector.dispose();
  });
}

test("components add up to the score and channel contributions to the non-KL part", async () => {
  const detector = new VaeDetector({ ...TINY, epochs: 3, forecastHorizon: 4 });
  await detector.fit(train);
  const { score, components, channelContributions } = await detector.score(test_);
  assert.deepEqual(Object.keys(components), ["reconstruction", "kl", "forecast"]);
  // The forecast for the H steps after a window is scored once they are known.
  assert.ok(Number.isNaN(score[31 + 3]!) && Number.isFinite(score[31 + 4]!));
  assert.ok(Number.isFinite(components.reconstruction![31]!) && Number.isNaN(components.forecast![34]!));
  for (let t = 35; t < 1000; t += 37) {
    const parts = components.reconstruction![t]! + components.kl![t]! + components.forecast![t]!;
    assert.ok(Math.abs(parts - score[t]!) < 1e-9 * Math.abs(score[t]!) + 1e-12);
    const byChannel = channelContributions.reduce((sum, x) => sum + x[t]!, 0);
    const expected = components.reconstruction![t]! + components.forecast![t]!;
    assert.ok(Math.abs(byChannel - expected) < 1e-9 * expected + 1e-12);
    assert.ok(components.kl![t]! >= 0);
  }
  detector.dispose();
});

test("the forecast error rises at the anomaly, after the forecast horizon", async () => {
  const detector = new VaeDetector({ ...TINY, forecastHorizon: 4 });
  await detector.fit(train);
  const { components } = await detector.score(test_);
  const forecast = components.forecast!;
  const normalHigh = quantile(forecast.slice(0, ANOMALY.start - 20), 0.99);
  const anomalous = quantile(forecast.slice(ANOMALY.start + 4, ANOMALY.end), 0.5);
  assert.ok(anomalous > normalHigh, `forecast error ${anomalous} vs normal 0.99 quantile ${normalHigh}`);
  detector.dispose();
});

for (const reconstructionLoss of ["mae", "gaussian-nll"] as const) {
  test(`${reconstructionLoss} reconstruction loss trains and detects`, async () => {
    const detector = new VaeDetector({ ...TINY, reconstructionLoss, epochs: 10 });
    await detector.fit(train);
    const result = await detector.score(test_);
    const normalHigh = quantile(result.score.slice(0, ANOMALY.start - 20), 0.99);
    const anomalous = quantile(result.score.slice(ANOMALY.start, ANOMALY.end), 0.5);
    assert.ok(anomalous > normalHigh, `anomalous median ${anomalous} vs normal 0.99 quantile ${normalHigh}`);
    detector.dispose();
  });
}

test("a seed reproduces the fit; another seed gives another model", async () => {
  const fitScore = async (seed: number) => {
    const detector = new VaeDetector({ ...TINY, epochs: 2, seed });
    await detector.fit(train);
    const { score } = await detector.score(test_);
    detector.dispose();
    return score;
  };
  const [a, b, c] = [await fitScore(3), await fitScore(3), await fitScore(4)];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("progress is reported per epoch and early stopping keeps the best validation epoch", async () => {
  const progress: FitProgress[] = [];
  // A learning rate this high makes the validation loss bounce, so patience 1 stops early.
  const detector = new VaeDetector({
    ...TINY,
    epochs: 40,
    patience: 1,
    betaWarmupEpochs: 2,
    learningRate: 0.05,
  });
  const report = await detector.fit(train, { onProgress: (p) => progress.push(p) });
  assert.equal(progress.length, report.epochs);
  assert.ok(report.epochs! < 40, `stopped after ${report.epochs} epochs`);
  assert.deepEqual(
    progress.map((p) => p.epoch),
    progress.map((_, i) => i + 1),
  );
  const comparable = progress.slice(1).map((p) => p.validationLoss!);
  assert.equal(report.validationLoss, Math.min(...comparable));
  detector.dispose();
});

test("a separate validation series replaces the held-out end", async () => {
  const validation = test_;
  const detector = new VaeDetector({ ...TINY, epochs: 2, validationFraction: 0.5 });
  const progress: FitProgress[] = [];
  await detector.fit(train, { validation, onProgress: (p) => progress.push(p) });
  assert.ok(progress.every((p) => p.validationLoss !== undefined && Number.isFinite(p.validationLoss)));
  detector.dispose();
});

test("missing values are carried forward and a constant channel is harmless", async () => {
  const gappy = (steps: number, seed: number) => {
    const base = seed === 1 ? train : test_;
    const values = base.values.map((x, c) =>
      Float64Array.from(x.subarray(0, steps), (v, t) => (c === 1 && t % 7 === 0 ? Number.NaN : v)),
    );
    values[3] = new Float64Array(steps).fill(5);
    return seriesFromColumns({
      timestamps: base.timestamps.subarray(0, steps),
      channels: ["a", "b", "c", "d"],
      values,
    });
  };
  const detector = new VaeDetector({ ...TINY, epochs: 2 });
  await detector.fit(gappy(1500, 1));
  const { score } = await detector.score(gappy(300, 2));
  assert.ok(score.slice(31).every(Number.isFinite));
  detector.dispose();
});

test("update fine-tunes on a new normal regime and lowers its scores", async () => {
  const shifted = seriesFromColumns({
    timestamps: train.timestamps,
    channels: ["a", "b", "c", "d"],
    values: train.values.map((x, c) => (c === 0 ? x.map((v) => 1.5 * v + 0.5) : x)),
  });
  const detector = new VaeDetector({ ...TINY, updateEpochs: 4, updateLearningRate: 2e-3 });
  await detector.fit(train);
  const mean = (s: Float64Array) => s.slice(31).reduce((a, b) => a + b, 0) / (s.length - 31);
  const before = mean((await detector.score(shifted)).score);
  await detector.update(shifted);
  const after = mean((await detector.score(shifted)).score);
  assert.ok(after < 0.8 * before, `mean score ${before} → ${after}`);
  detector.dispose();
});

test("fit, score and dispose leave no live tensors", async () => {
  const before = memory().tensors;
  const detector = new VaeDetector({ ...TINY, epochs: 2, forecastHorizon: 2 });
  await detector.fit(train);
  await detector.score(test_);
  await detector.update(test_);
  detector.dispose();
  assert.equal(memory().tensors, before);
});

test("options, channels and fitting are checked", async () => {
  assert.throws(() => new VaeDetector({ windowLenght: 5 } as never), VigilArgumentError);
  assert.throws(() => new VaeDetector({ encoder: "gru" as never }), /one of "cnn"/);
  assert.throws(() => new VaeDetector({ windowLength: 4, cnnBlocks: 3 }), /at least 2\^cnnBlocks/);
  assert.throws(
    () => new VaeDetector({ encoder: "transformer", hidden: 10, transformerHeads: 4 }),
    /multiple/,
  );
  await assert.rejects(new VaeDetector().score(test_), { code: "VIGIL_ERR_NOT_FITTED" });
  const short = seriesFromColumns({
    timestamps: train.timestamps.subarray(0, 20),
    channels: ["a"],
    values: [new Float64Array(20)],
  });
  await assert.rejects(new VaeDetector(TINY).fit(short), /window needs 32/);
  const detector = new VaeDetector({ ...TINY, epochs: 1 });
  await detector.fit(train);
  const fewer = { ...test_, channels: test_.channels.slice(1), values: test_.values.slice(1) };
  await assert.rejects(detector.score(fewer), /no channel "a"/);
  const tiny = await detector.score({
    ...test_,
    timestamps: test_.timestamps.subarray(0, 10),
    values: test_.values.map((x) => x.subarray(0, 10)),
  });
  assert.ok(tiny.score.every(Number.isNaN));
  detector.dispose();
});
