import assert from "node:assert/strict";
import { test } from "node:test";
import { VigilArgumentError } from "@vigil/core/errors";
import { interpretationScores } from "@vigil/core/metrics";
import { createRng } from "@vigil/core/random";

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

test("HitRate@P% and NDCG@P% by hand", () => {
  // truth {a, b}: k = 2 at 100 %, 3 at 150 %.
  const one = [{ ranking: ["a", "x", "b", "y"], truth: ["a", "b"] }];
  const at100 = interpretationScores(one, 100);
  close(at100.hitRate, 0.5);
  close(at100.ndcg, 1 / (1 + 1 / Math.log2(3)));
  const at150 = interpretationScores(one, 150);
  close(at150.hitRate, 1);
  close(at150.ndcg, (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)));
  // A perfect ranking scores 1; the mean is over instances.
  const both = interpretationScores([...one, { ranking: ["b", "a", "x"], truth: ["a", "b"] }], 100);
  close(both.hitRate, 0.75);
  assert.equal(both.instances, 2);
});

test("a one-channel truth is scored on the top channel at 100 % and 150 %", () => {
  const hit = interpretationScores([{ ranking: ["r", "s"], truth: ["r"] }], 150);
  const miss = interpretationScores([{ ranking: ["s", "r"], truth: ["r"] }], 150);
  assert.deepEqual([hit.hitRate, hit.ndcg, miss.hitRate, miss.ndcg], [1, 1, 0, 0]);
});

test("random rankings score about k / C", () => {
  const channels = Array.from({ length: 10 }, (_, i) => `c${i}`);
  const rng = createRng(7);
  const instances = Array.from({ length: 4000 }, () => {
    const ranking = rng.shuffle([...channels]);
    return { ranking, truth: ["c1", "c2", "c3", "c4"] };
  });
  const { hitRate } = interpretationScores(instances, 150);
  // k = ⌊1.5 · 4⌋ = 6 of 10 channels: each true one is in the top 6 with probability 0.6.
  assert.ok(Math.abs(hitRate - 6 / 10) < 0.02, `${hitRate}`);
});

test("bad input is an argument error", () => {
  assert.throws(() => interpretationScores([], 100), VigilArgumentError);
  assert.throws(() => interpretationScores([{ ranking: ["a"], truth: [] }], 100), /non-empty truth/);
  assert.throws(() => interpretationScores([{ ranking: ["a"], truth: ["a"] }], 0), /positive percentage/);
});
