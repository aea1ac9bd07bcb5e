import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilInputError } from "@vigil/core/errors";
import { VaeDetector, type VaeDetectorOptions } from "@vigil/detect/vae";
import { VaeSite } from "@vigil/federated/client";
import { Coordinator } from "@vigil/federated/coordinator";
import { encodeMessage, globalMessage } from "@vigil/federated/update";
import { siteSeries } from "../helpers/site-series.ts";

const DETECTOR: Partial<VaeDetectorOptions> = {
  windowLength: 16,
  hidden: 8,
  latent: 3,
  cnnBlocks: 2,
  trainStride: 2,
  seed: 5,
};

test("two VAE sites with different set-points train one network whose loss falls over rounds", async () => {
  const sites = [
    new VaeSite(siteSeries(1200, 1, { offset: 0, scale: 1 }), {
      id: "big",
      detector: DETECTOR,
      localEpochs: 2,
      learningRate: 1e-2,
      evaluationSteps: 256,
    }),
    new VaeSite(siteSeries(500, 2, { offset: 80, scale: 6 }), {
      id: "small",
      detector: DETECTOR,
      localEpochs: 2,
      learningRate: 1e-2,
      evaluationSteps: 256,
    }),
  ];
  // Windows of 16 steps every 2: ⌊(1200 − 16) / 2⌋ + 1 and ⌊(500 − 16) / 2⌋ + 1.
  assert.deepEqual(
    sites.map((s) => s.sampleCount),
    [593, 243],
  );
  const initial = VaeDetector.initialNetworkWeights(DETECTOR, 3);
  const coordinator = new Coordinator(sites, initial);
  const reports = await coordinator.run(4);
  for (const r of reports) assert.deepEqual(r.used, ["big", "small"], JSON.stringify(r.rejected));
  const losses = reports.map((r) => r.loss);
  assert.ok(losses.every(Number.isFinite), `${losses}`);
  assert.ok(losses[3]! < 0.7 * losses[0]!, `losses ${losses.map((l) => l.toFixed(3))}`);
  // The global model moved, and both sites now hold it: the weights are global, the normaliser local.
  const global = coordinator.model;
  assert.notDeepEqual(global[0]!.data, initial[0]!.data);
  for (const site of sites) {
    await site.adopt(global);
    assert.deepEqual(site.detector.networkWeights(), global);
  }
  const [big, small] = sites.map((s) => s.detector.fitted.normaliser.center[0]!);
  assert.ok(Math.abs(big!) < 1 && Math.abs(small! - 80) < 3, `centers ${big}, ${small}`);
  // With the global network and its own normaliser, the small site flags its anomaly.
  const scored = await sites[1]!.detector.score(siteSeries(400, 3, { offset: 80, scale: 6, anomalyAt: 200 }));
  const inside = Math.max(...scored.score.subarray(205, 240));
  const outside = Math.max(...scored.score.subarray(20, 180));
  assert.ok(inside > outside, `anomaly ${inside} vs normal ${outside}`);
  for (const site of sites) site.dispose();
});

test("a site compresses its delta (8-bit) and refuses a message that is not a global model", async () => {
  const site = new VaeSite(siteSeries(300, 4, { offset: 0, scale: 1 }), {
    id: "s",
    detector: DETECTOR,
    evaluationSteps: 0,
    compression: { method: "quantise8" },
  });
  const initial = VaeDetector.initialNetworkWeights(DETECTOR, 3);
  const model = encodeMessage(globalMessage(1, initial));
  const update = await site.train({ round: 1, model });
  // The broadcast is float32 (4 bytes per weight), the answer 1 byte per weight.
  assert.ok(update.byteLength < model.byteLength / 3, `${update.byteLength} vs ${model.byteLength}`);
  const notGlobal = encodeMessage({ ...globalMessage(1, initial), kind: "update" });
  await assert.rejects(() => site.train({ round: 1, model: notGlobal }), VigilInputError);
  await assert.rejects(() => site.train({ round: 1, model: model.subarray(0, 100) }), /truncated/);
  site.dispose();
});
