import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { test } from "node:test";
import { seriesFromColumns } from "@vigil/core";
import { VigilInputError } from "@vigil/core/errors";
import { createRng } from "@vigil/core/random";
import { IsolationForest } from "@vigil/detect/baselines";
import { averagePathLength, growForest, pathLengths } from "../../src/baselines/isolation-tree.ts";
import { quantile, syntheticSeries } from "./synthetic.ts";

const column = (values: number[]) =>
  seriesFromColumns({ timestamps: values.map((_, t) => BigInt(t)), channels: ["x"], values: [values] });

test("c(n) follows Liu et al.'s formula", () => {
  assert.equal(averagePathLength(1), 0);
  assert.equal(averagePathLength(2), 1);
  // 2(ln 255 + γ) − 2·255/256
  assert.ok(Math.abs(averagePathLength(256) - 10.2447709) < 1e-6);
});

test("occluded path lengths equal full walks with the feature replaced", () => {
  const rng = createRng(5);
  const columns = [0, 1, 2].map(() => Float64Array.from({ length: 300 }, () => rng.uniform() * 10));
  const forest = growForest(columns, { trees: 20, subsample: 64, rng });
  const walk = (point: Float64Array) => {
    let total = 0;
    for (const root of forest.roots) {
      let node = root;
      let depth = 0;
      for (; forest.feature[node]! >= 0; depth++) {
        const f = forest.feature[node]!;
        node = point[f]! < forest.threshold[node]! ? forest.left[node]! : forest.right[node]!;
      }
      total += depth + averagePathLength(forest.size[node]!);
    }
    return total / forest.roots.length;
  };
  const reference = Float64Array.of(5, 5, 5);
  const occluded = new Float64Array(3);
  for (let i = 0; i < 50; i++) {
    const point = Float64Array.from([0, 1, 2], () => rng.uniform() * 14 - 2);
    assert.ok(Math.abs(pathLengths(forest, point, reference, occluded) - walk(point)) < 1e-12);
    for (let f = 0; f < 3; f++) {
      const swapped = point.slice();
      swapped[f] = reference[f]!;
      assert.ok(Math.abs(occluded[f]! - walk(swapped)) < 1e-12, `feature ${f}`);
    }
  }
});

test("an outlier scores high, a typical point low, and a seed fixes the forest", async () => {
  const rng = createRng(11);
  // Sums of four uniforms: bell-shaped around 2, so the centre is dense and 9 is far out.
  const train = column(
    Array.from({ length: 1000 }, () => rng.uniform() + rng.uniform() + rng.uniform() + rng.uniform()),
  );
  const forest = new IsolationForest({ seed: 1 });
  await forest.fit(train);
  const { score } = await forest.score(column([2, 9]));
  assert.ok(score[0]! < 0.5, `typical ${score[0]}`);
  assert.ok(score[1]! > 0.7, `outlier ${score[1]}`);
  const again = new IsolationForest({ seed: 1 });
  await again.fit(train);
  assert.deepEqual((await again.score(column([2, 9]))).score, score);
  const other = new IsolationForest({ seed: 2 });
  await other.fit(train);
  assert.notDeepEqual((await other.score(column([2, 9]))).score, score);
});

test("a tampered forest is rejected on restore", async () => {
  const forest = new IsolationForest({ trees: 3 });
  await forest.fit(column([1, 2, 3, 4, 5, 6, 7, 8]));
  const state = forest.exportState();
  const left = state.tensors.left!.data.slice();
  const split = state.tensors.feature!.data.findIndex((f) => f >= 0);
  left[split] = split;
  const tampered = { ...state, tensors: { ...state.tensors, left: { ...state.tensors.left!, data: left } } };
  assert.throws(
    () => IsolationForest.fromState(tampered),
    (e: unknown) => e instanceof VigilInputError && /after their parent/.test(e.message),
  );
});

// scikit-learn is never a dependency: where it is importable, our score distribution is compared with its.
const sklearn = spawnSync("python3", ["-c", "import sklearn.ensemble"], { encoding: "utf8" });
test("score quantiles agree with scikit-learn's IsolationForest on the same data", {
  skip: sklearn.status === 0 ? false : "python3 with scikit-learn is not available",
}, async () => {
  const train = syntheticSeries(2000, 1, { coupled: true, anomaly: false });
  const scored = syntheticSeries(1000, 2, { coupled: true, anomaly: true });
  const forest = new IsolationForest({ seed: 7 });
  await forest.fit(train);
  const ours = (await forest.score(scored)).score;
  const script = `
import json, sys, numpy as np
from sklearn.ensemble import IsolationForest
d = json.load(sys.stdin)
m = IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(np.array(d["train"]).T)
print(json.dumps((-m.score_samples(np.array(d["test"]).T)).tolist()))
`;
  const input = JSON.stringify({
    train: train.values.map((v) => [...v]),
    test: scored.values.map((v) => [...v]),
  });
  const theirs = Float64Array.from(JSON.parse(execFileSync("python3", ["-c", script], { input }).toString()));
  for (const [from, to] of [
    [0, 480],
    [500, 530],
  ] as const) {
    for (const q of [0.1, 0.5, 0.9]) {
      const a = quantile(ours.slice(from, to), q);
      const b = quantile(theirs.slice(from, to), q);
      assert.ok(Math.abs(a - b) < 0.03, `steps [${from}, ${to}) quantile ${q}: ours ${a}, scikit-learn ${b}`);
    }
  }
});
