import assert from "node:assert/strict";
import { test } from "node:test";
import { attributeEvent } from "@vigil/detect/attribution";
import { VAE_ENCODERS, VaeDetector } from "@vigil/detect/vae";
import { ANOMALY, quantile } from "../baselines/synthetic.ts";
import { test_, train } from "./tiny.ts";

for (const encoder of VAE_ENCODERS) {
  test(`default ${encoder} VAE with a forecasting head detects and attributes the anomaly (VIGIL_HEAVY=1)`, {
    skip: process.env.VIGIL_HEAVY !== "1",
  }, async () => {
    const detector = new VaeDetector({ encoder, forecastHorizon: 8 });
    const report = await detector.fit(train);
    assert.ok(report.validationLoss !== undefined && Number.isFinite(report.validationLoss));
    const scores = await detector.score(test_);
    const threshold = quantile(scores.score.slice(0, ANOMALY.start - 20), 0.999);
    const anomalous = quantile(scores.score.slice(ANOMALY.start, ANOMALY.end), 0.5);
    assert.ok(anomalous > threshold, `anomalous median ${anomalous} vs normal 0.999 quantile ${threshold}`);
    const result = await attributeEvent(detector, test_, {
      start: ANOMALY.start,
      end: ANOMALY.end,
      threshold,
      scores,
    });
    assert.equal(result.ranking[0]!.channel, "c");
    const ig = result.ranking.map((r) => r.integratedGradients);
    assert.equal(result.ranking[ig.indexOf(Math.max(...ig))]!.channel, "c");
    const { sum, score, baselineScore } = result.completeness;
    assert.ok(Math.abs(sum - (score - baselineScore)) < 0.05 * Math.abs(score - baselineScore));
    detector.dispose();
  });
}
