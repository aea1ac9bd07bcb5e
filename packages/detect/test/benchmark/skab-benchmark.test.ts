import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { VigilInputError } from "@vigil/core/errors";
import { predictedChangepoints } from "@vigil/core/metrics";
import { NS_PER_SECOND } from "@vigil/core/time";
import { loadSkab, type SkabExperiment } from "@vigil/data/datasets";
import { PcaDetector } from "@vigil/detect/baselines";
import {
  alarmMask,
  BENCHMARK_DETECTORS,
  benchmarkDetectorNames,
  benchSkab,
  detectorBudgets,
  formatSkabTables,
  parseSkabLeaderboard,
  runSkab,
  skabBenchJson,
  skabRandomBaseline,
  trainingThreshold,
} from "@vigil/detect/benchmark";
import { ANOMALY_END, ANOMALY_START, writeSyntheticSkab } from "./synthetic-skab.ts";

let dir: string;
let experiments: SkabExperiment[];

before(async () => {
  dir = await writeSyntheticSkab();
  experiments = await loadSkab(dir);
});
after(() => rm(dir, { recursive: true, force: true }));

describe("SKAB runner on a synthetic SKAB-format directory", () => {
  test("loads both files with the protocol's split", () => {
    assert.deepEqual(
      experiments.map((e) => [e.name, e.train.anomaly.length, e.test.anomaly.length]),
      [
        ["valve1/0", 400, 600],
        ["valve1/1", 400, 600],
      ],
    );
    for (const e of experiments) {
      assert.equal(
        e.test.anomaly.reduce((a, v) => a + v, 0),
        ANOMALY_END - ANOMALY_START,
      );
      assert.equal(
        e.test.changepoint.reduce((a, v) => a + v, 0),
        2,
      );
    }
  });

  test("PCA finds the injected segment (F1 > 0.8) and its random row at the same alarm rate stays low", async () => {
    const progress: string[] = [];
    const run = await runSkab(experiments, () => new PcaDetector(), { onFile: (p) => progress.push(p.name) });
    assert.deepEqual(progress, ["valve1/0", "valve1/1"]);
    assert.equal(run.files.length, 2);
    for (const f of run.files) assert.equal(f.predictions.length, 600);
    const { tp, fp, fn, tn } = run.outlier.counts;
    assert.equal(tp + fp + fn + tn, 1200);
    assert.ok(run.outlier.f1 > 0.8, `F1 ${run.outlier.f1}`);
    // Two files, two changepoints each, both rows in the test parts.
    assert.equal(run.changepoint.windows, 4);
    const nab = run.changepoint.profiles.standard.score;
    assert.ok(nab > 40, `NAB ${nab}`);

    const random = skabRandomBaseline(experiments, detectorBudgets(run.files));
    assert.ok(random.mean.f1 < 0.5, `random F1 ${random.mean.f1}`);
    assert.ok(random.mean.nab_standard < nab - 20, `random NAB ${random.mean.nab_standard} vs ${nab}`);
  });

  test("changepoints: score regimes near the injected segment's ends, or the alarm's edges on request", async () => {
    const regimes = await runSkab(experiments, () => new PcaDetector());
    for (const f of regimes.files) {
      const at = [...f.changepoints.keys()].filter((i) => f.changepoints[i] === 1);
      // file rows → test rows (the first 400 rows train)
      for (const truth of [ANOMALY_START - 400, ANOMALY_END - 400])
        assert.ok(
          at.some((i) => i >= truth - 2 && i <= truth + 10),
          `${f.name}: a changepoint near ${truth}: ${at}`,
        );
    }
    const edges = await runSkab(experiments, () => new PcaDetector(), { changepoints: "alarm-edges" });
    for (const f of edges.files) assert.deepEqual(f.changepoints, predictedChangepoints(f.predictions));
    await assert.rejects(
      runSkab(experiments, () => new PcaDetector(), { changepoints: "edges" as never }),
      /changepoints/,
    );
  });

  test("test labels never reach fitting or thresholds: erasing them changes no prediction", async () => {
    const erased = experiments.map((e) => ({
      ...e,
      test: {
        ...e.test,
        anomaly: new Uint8Array(e.test.anomaly.length),
        series: { ...e.test.series, labels: [] },
      },
    }));
    const a = await runSkab(experiments, () => new PcaDetector());
    const b = await runSkab(erased, () => new PcaDetector());
    assert.deepEqual(
      b.files.map((f) => [Array.from(f.predictions), Array.from(f.changepoints)]),
      a.files.map((f) => [Array.from(f.predictions), Array.from(f.changepoints)]),
    );
    assert.equal(b.outlier.counts.tp, 0);
  });

  test("benchSkab gives the JSON row and the tables put it beside the published rows", async () => {
    const entry = await benchSkab(experiments, "pca", { random: { runs: 3, seed: 7 } });
    const json = skabBenchJson(entry);
    assert.deepEqual(Object.keys(json).slice(0, 8), [
      "detector",
      "f1",
      "far",
      "mar",
      "nab_standard",
      "nab_lowfp",
      "nab_lowfn",
      "train_seconds",
    ]);
    assert.equal(json.detector, "pca");
    assert.equal(entry.random.runs, 3);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    const text = formatSkabTables(parseSkabLeaderboard(readme), [entry]);
    const lines = text.split("\n");
    const ours = lines.findIndex((l) => l.startsWith("| **Vigil pca (ours)** |"));
    // F1 1.00 ranks between the perfect detector and the best published example.
    assert.ok(ours > lines.indexOf("| Perfect detector | 1 | 0 | 0 |"), text);
    assert.ok(ours < lines.indexOf("| Example-A | 0.7 | 10 | 30 |"), text);
    assert.ok(lines.indexOf("| Null detector | 0 | 0 | 100 |") > ours, text);
    assert.match(text, /\| Random scores at pca's alarm rate \(ours, 3 seeds\) \| 0\.\d\d ± 0\.\d\d \|/);
  });
});

describe("one configuration for every file", () => {
  test("a config's detector options and calibration reach every file; a bad key names the source and key", async () => {
    const defaults = await benchSkab(experiments, "pca", { random: { runs: 1 } });
    const looser = await benchSkab(experiments, "pca", {
      random: { runs: 1 },
      config: { detector: { varianceExplained: 0.9 }, calibration: { threshold: { risk: 0.05 } } },
      configSource: "skab.json",
    });
    // A far higher risk puts the threshold lower, so more rows alarm.
    assert.ok(looser.row.far > defaults.row.far, `FAR ${looser.row.far} vs ${defaults.row.far}`);
    await assert.rejects(
      benchSkab(experiments, "pca", { config: { detector: { variance: 0.9 } }, configSource: "skab.json" }),
      (e: VigilInputError) =>
        e.code === "VIGIL_ERR_INPUT" && e.source === "skab.json" && e.column === "detector.variance",
    );
  });
});

describe("benchmark pieces", () => {
  test("the POT training threshold follows an increasing affine change of the scores", () => {
    const scores = Float64Array.from(
      { length: 500 },
      (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1,
    );
    const t = trainingThreshold(scores);
    const shifted = trainingThreshold(scores.map((s) => 3 * s + 10));
    assert.ok(Math.abs(shifted - (3 * t + 10)) < 1e-6 * Math.abs(shifted), `${shifted} vs ${3 * t + 10}`);
    assert.ok(t > 0.95, `a risk of 1e-4 lies beyond the 98th percentile, got ${t}`);
    assert.equal(
      trainingThreshold([1, 2, 3, 4, 5], { rule: "scaled-percentile", percentile: 100, factor: 1.5 }),
      7.5,
    );
  });

  test("POT on scores tied at the top (no tail to fit) alarms only above the training maximum", () => {
    const scores = Float64Array.from({ length: 400 }, (_, i) => (i < 380 ? i % 7 : 43));
    const t = trainingThreshold(scores);
    assert.ok(t > 43 && t - 43 < 1e-12, `just above the maximum, got ${t}`);
    assert.ok(trainingThreshold(new Float64Array(10)) > 0);
  });

  test("alarmMask dates an alarm back to where its score entered the tail, not before", () => {
    const ts = BigInt64Array.from({ length: 10 }, (_, i) => BigInt(i) * NS_PER_SECOND);
    const s = [2, 0, 1, 2, 3, 5, 6, 0, 2, 0];
    assert.deepEqual(Array.from(alarmMask(ts, s, { on: 5 })), [0, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
    assert.deepEqual(Array.from(alarmMask(ts, s, { on: 5 }, 0.5)), [0, 0, 1, 1, 1, 1, 1, 0, 0, 0]);
    assert.deepEqual(Array.from(alarmMask(ts, s, { on: 5 }, 10)), [0, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
  });

  test("alarmMask bridges gaps up to the merge gap and no longer ones", () => {
    const ts = BigInt64Array.from({ length: 12 }, (_, i) => BigInt(i) * NS_PER_SECOND);
    const s = [0, 5, 0, 0, 5, 0, 0, 0, 0, 0, 5, 0];
    const mask = alarmMask(ts, s, { on: 1, mergeGapNs: 3n * NS_PER_SECOND });
    assert.deepEqual(Array.from(mask), [0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0]);
  });

  test("detector names: every registered one, all, or a clear error", () => {
    assert.deepEqual(benchmarkDetectorNames("all"), Object.keys(BENCHMARK_DETECTORS));
    assert.deepEqual(benchmarkDetectorNames("pca"), ["pca"]);
    assert.throws(() => benchmarkDetectorNames("pcaa"), /one of .*pca.*all/);
  });

  test("parses the published leaderboard of the real SKAB README", (t) => {
    const path = new URL("../../../../../shared/data/skab/README.md", import.meta.url);
    if (!existsSync(path)) return t.skip("shared/data/skab is not present");
    return readFile(path, "utf8").then((readme) => {
      const board = parseSkabLeaderboard(readme);
      assert.deepEqual(
        board.outlier.rows.find((r) => r[0] === "Conv-AE"),
        ["Conv-AE", "0.78", "13.55", "28.02"],
      );
      assert.deepEqual(board.changepoint.rows[1], ["MSCRED", "32.42", "16.53", "40.28", "55", "342"]);
    });
  });

  test("a README without the leaderboard is rejected", () => {
    assert.throws(() => parseSkabLeaderboard("# nothing here\n"), /outlier detection/);
  });
});
