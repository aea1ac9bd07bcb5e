import assert from "node:assert/strict";
import { test } from "node:test";
import { median } from "@vigil/core/stats";
import { VaeDetector } from "@vigil/detect/vae";
import { ANOMALY, quantile, topChannelShare } from "../baselines/synthetic.ts";
import { TINY, test_, train } from "./tiny.ts";

test("standardised errors: each channel's usual training error is 1, the offset still stands out, state round-trips", async () => {
  const detector = new VaeDetector({ ...TINY, epochs: 4, standardiseErrors: true, forecastHorizon: 2 });
  await detector.fit(train);
  const own = await detector.score(train);
  for (const x of own.channelContributions) assert.ok(Math.abs(median(x) - 1) < 1e-9, `${median(x)}`);
  const result = await detector.score(test_);
  for (let t = 40; t < 1000; t += 53) {
    const byChannel = result.channelContributions.reduce((a, x) => a + x[t]!, 0);
    const parts = result.components.reconstruction![t]! + result.components.forecast![t]!;
    assert.ok(Math.abs(byChannel - parts) < 1e-9 * parts);
  }
  const normalHigh = quantile(result.score.slice(0, ANOMALY.start - 20), 0.99);
  assert.ok(quantile(result.score.slice(ANOMALY.start, ANOMALY.end), 0.5) > normalHigh);
  assert.ok(topChannelShare(result.channelContributions, ANOMALY.start, ANOMALY.end, ANOMALY.channel) >= 0.9);

  const state = detector.exportState();
  assert.equal(state.tensors.error_scale?.shape[0], 4);
  const restored = VaeDetector.fromState({
    tensors: state.tensors,
    card: JSON.parse(JSON.stringify(state.card)),
  });
  assert.deepEqual((await restored.score(test_)).score, result.score);
  // A model saved before the scales existed scores with unit scales.
  const { error_scale: _, ...older } = state.tensors;
  const legacy = VaeDetector.fromState({ tensors: older, card: state.card });
  assert.deepEqual(legacy.fitted.errorScale, new Float64Array(4).fill(1));
  detector.dispose();
  restored.dispose();
  legacy.dispose();
});
