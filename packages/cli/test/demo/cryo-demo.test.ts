import assert from "node:assert/strict";
import { test } from "node:test";
import { CRYO_DEMO_SEED, runCryoDemo } from "../../src/demo/cryo-demo.ts";

test("the npm start demo detects the simulated fault before failure and ranks its root cause first", async () => {
  const lines: string[] = [];
  const result = await runCryoDemo({ seed: CRYO_DEMO_SEED, epochs: 30, log: (line) => lines.push(line) });
  assert.ok(
    result.trainLoss.length > 0 && result.trainLoss.at(-1)! < result.trainLoss[0]!,
    "training loss falls",
  );
  assert.equal(result.detected, true, lines.join("\n"));
  assert.equal(result.rankedFirst, result.rootCause, lines.join("\n"));
  assert.ok(lines.some((l) => l.startsWith("loss curve")));
});
