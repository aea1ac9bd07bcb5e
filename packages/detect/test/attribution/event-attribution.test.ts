import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { attributeEvent } from "@vigil/detect/attribution";
import { VaeDetector } from "@vigil/detect/vae";
import { memory } from "@vigil/torch";
import { ANOMALY, quantile } from "../baselines/synthetic.ts";
import { TINY, test_, train } from "../vae/tiny.ts";

const detector = new VaeDetector({ ...TINY, epochs: 10 });
let threshold = Number.NaN;
before(async () => {
  await detector.fit(train);
  const { score } = await detector.score(test_);
  threshold = quantile(score.slice(0, ANOMALY.start - 20), 0.999);
});
after(() => detector.dispose());

const argmax = (values: number[]) => values.indexOf(Math.max(...values));

test("error share and integrated gradients both rank the anomalous channel first", async () => {
  const event = { start: ANOMALY.start - 10, end: ANOMALY.end + 10 };
  const result = await attributeEvent(detector, test_, { ...event, threshold });
  assert.equal(result.ranking[0]!.channel, "c");
  assert.ok(result.ranking[0]!.errorShare > 0.5, `error share ${result.ranking[0]!.errorShare}`);
  const shares = result.ranking.reduce((s, r) => s + r.errorShare, 0);
  assert.ok(Math.abs(shares - 1) < 1e-9);
  const byName = (key: "integratedGradients" | "gradientTimesInput") =>
    ["a", "b", "c", "d"].map((name) => result.ranking.find((r) => r.channel === name)![key]);
  assert.equal(argmax(byName("integratedGradients")), 2, `IG ${byName("integratedGradients")}`);
  assert.ok(
    result.peak.step >= ANOMALY.start && result.peak.step < ANOMALY.end + 10,
    `peak at ${result.peak.step}`,
  );
  assert.ok(result.onset !== undefined);
  assert.ok(
    result.onset.step >= ANOMALY.start && result.onset.step <= ANOMALY.start + 3,
    `onset at ${result.onset.step}`,
  );
  assert.equal(result.onset.timestamp, test_.timestamps[result.onset.step]);
  assert.equal(result.time.score.length, event.end - event.start);
  assert.equal(result.time.windowError.length, 32);
  assert.equal(result.latent.scoreGradient.length, 8);
  assert.equal(result.latent.decoderJacobianNorm.length, 4);
  assert.ok(result.latent.decoderJacobianNorm.every((v) => Number.isFinite(v) && v > 0));
});

test("integrated gradients are complete: their sum is close to score(x) − score(baseline)", async () => {
  const before = memory().tensors;
  const result = await attributeEvent(detector, test_, {
    start: ANOMALY.start,
    end: ANOMALY.end,
    threshold,
    integratedSteps: 128,
  });
  const { sum, score, baselineScore } = result.completeness;
  const gap = score - baselineScore;
  assert.ok(Math.abs(sum - gap) < 0.02 * Math.abs(gap), `Σ attributions ${sum} vs ${gap}`);
  assert.ok(
    Math.abs(score - result.peak.score) < 1e-4 * score,
    "the explained score is the detector's score",
  );
  assert.equal(memory().tensors, before);
});

test("an event without any scored step, or out of range, is refused", async () => {
  await assert.rejects(attributeEvent(detector, test_, { start: 0, end: 10, threshold }), /no step/);
  await assert.rejects(attributeEvent(detector, test_, { start: 10, end: 5000, threshold }), /end/);
  await assert.rejects(attributeEvent(detector, test_, { start: 10, end: 50 }), /threshold/);
});
