import assert from "node:assert/strict";
import { test } from "node:test";
import { startTsWorker } from "@vigil/core/worker";
import * as T from "@vigil/torch";

function train(seed: number): Promise<{ first: number; last: number; threads: number; live: number }> {
  return new Promise((resolve, reject) => {
    const worker = startTsWorker(new URL("./fixtures/train-worker.ts", import.meta.url), {
      workerData: { seed, steps: 300 },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

test("two workers train at once, each with its own engine state", async () => {
  const mainBefore = T.memory().tensors;
  const [a, b] = await Promise.all([train(1), train(2)]);
  for (const r of [a, b]) {
    assert.ok(r.last < r.first * 0.5, `loss fell from ${r.first} to ${r.last}`);
    assert.ok(r.threads >= 1);
  }
  assert.notEqual(a.first, b.first, "different seeds, different runs");
  assert.equal(T.memory().tensors, mainBefore, "workers' tensors are counted in their own environment");
});

test("a worker's tensors are released when it exits", async () => {
  const r = await train(3);
  assert.ok(r.live > 0);
});
