import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  type SkabChangepointFile,
  skabChangepointScore,
  skabOutlierScores,
} from "../../src/metrics/index.ts";

const root = "/work/shared/data/skab";
const TRAIN_ROWS = 400;

/** The test part (rows after the first 400) of each labelled SKAB file, parsed just enough for the metrics. */
function testParts() {
  return ["valve1", "valve2", "other"].flatMap((dir) =>
    readdirSync(join(root, dir)).map((name) => {
      const lines = readFileSync(join(root, dir, name), "utf8")
        .trim()
        .split("\n")
        .slice(1 + TRAIN_ROWS);
      const cells = lines.map((l) => l.split(";"));
      return {
        name: `${dir}/${name}`,
        timestamps: BigInt64Array.from(
          cells,
          (c) => BigInt(Date.parse(`${c[0]!.replace(" ", "T")}Z`)) * 1_000_000n,
        ),
        anomaly: Uint8Array.from(cells, (c) => Number(c[9])),
        changepoints: Uint8Array.from(cells, (c) => Number(c[10])),
      };
    }),
  );
}

test("SKAB test parts: 127 changepoint windows; null scores 0, exact changepoints lose only to window cuts", {
  skip: !existsSync(root),
}, () => {
  const parts = testParts();
  assert.equal(parts.length, 34);
  const files = (pick: (p: (typeof parts)[number]) => Uint8Array): SkabChangepointFile[] =>
    parts.map((p) => ({ timestamps: p.timestamps, changepoints: p.changepoints, predicted: pick(p) }));
  const none = skabChangepointScore(files((p) => new Uint8Array(p.changepoints.length)));
  assert.equal(none.windows, 127);
  assert.equal(none.missed, 127);
  for (const s of Object.values(none.profiles)) assert.equal(s.score, 0);
  const exact = skabChangepointScore(files((p) => p.changepoints));
  assert.equal(exact.falsePositives, 0);
  assert.ok(exact.profiles.standard.score < 100);
  // valve1/5.csv has CPs at 12:04:36, 12:05:36, 12:10:37, 12:11:36. The third window [12:10:37, 12:11:37] overlaps
  // the fourth, which tsad cuts to start at 12:11:37, after its own CP: that window is missed even by the exact
  // changepoints. Three windows hit at their left edge (+1 each), one missed (−1): (2 + 4) / (4 + 4) = 75.
  const valve5 = parts.find((p) => p.name === "valve1/5.csv")!;
  const one = skabChangepointScore([
    { timestamps: valve5.timestamps, changepoints: valve5.changepoints, predicted: valve5.changepoints },
  ]);
  assert.equal(one.missed, 1);
  assert.equal(one.profiles.standard.score, 75);
  const clean = parts.filter(
    (p) => !["valve1/5.csv", "valve2/1.csv"].includes(p.name) && !p.name.startsWith("other/"),
  );
  const cleanScore = skabChangepointScore(
    clean.map((p) => ({ timestamps: p.timestamps, changepoints: p.changepoints, predicted: p.changepoints })),
  );
  assert.equal(cleanScore.missed, 0);
  assert.ok(Math.abs(cleanScore.profiles.standard.score - 100) < 1e-9);
  const outliers = skabOutlierScores(parts.map((p) => ({ labels: p.anomaly, predictions: p.anomaly })));
  assert.deepEqual([outliers.f1, outliers.far, outliers.mar], [1, 0, 0]);
  const nullOutliers = skabOutlierScores(
    parts.map((p) => ({ labels: p.anomaly, predictions: new Uint8Array(p.anomaly.length) })),
  );
  assert.deepEqual([nullOutliers.f1, nullOutliers.far, nullOutliers.mar], [0, 0, 100]);
});
