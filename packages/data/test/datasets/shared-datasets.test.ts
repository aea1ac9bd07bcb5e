import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { summarizeSeries } from "@vigil/core/series";
import { parseTimestamp } from "@vigil/core/time";
import {
  detectDatasetLayout,
  loadAi4i,
  loadCmapss,
  loadSkab,
  loadSkabAnomalyFree,
  loadSlacRf,
} from "@vigil/data/datasets";

// Reads the public data in /work/shared/data in place (never copied into the repository); the
// expected figures are the row counts and label counts stated in each folder's README.
const DATA = process.env.VIGIL_SHARED_DATA ?? "/work/shared/data";
const skip = existsSync(DATA) ? false : `shared data not found at ${DATA}`;

test("C-MAPSS FD001 and FD003: units, rows and RUL as in the README", { skip }, async () => {
  for (const [subset, trainRows, testRows] of [
    ["FD001", 20_631, 13_096],
    ["FD003", 24_720, 16_596],
  ] as const) {
    const data = await loadCmapss(`${DATA}/cmapss`, { subset });
    assert.equal(data.train.length, 100);
    assert.equal(data.test.length, 100);
    assert.equal(
      data.train.reduce((n, u) => n + u.series.timestamps.length, 0),
      trainRows,
    );
    assert.equal(
      data.test.reduce((n, u) => n + u.series.timestamps.length, 0),
      testRows,
    );
    const unit1 = data.train[0]!;
    assert.equal(unit1.rul.at(-1), 0);
    assert.equal(unit1.rul[0], unit1.series.timestamps.length - 1);
    assert.deepEqual(
      unit1.series.labels?.map((l) => l.type),
      ["failure"],
    );
  }
  const fd001 = await loadCmapss(`${DATA}/cmapss`);
  // RUL_FD001.txt starts 112, 98, 69; the first train row of unit 1 is "1 1 -0.0007 -0.0004 100.0 518.67 ...".
  assert.deepEqual(
    fd001.test.slice(0, 3).map((u) => u.rul.at(-1)),
    [112, 98, 69],
  );
  assert.equal(fd001.train[0]!.series.values[0]![0], -0.0007);
  assert.equal(fd001.train[0]!.series.values[3]![0], 518.67);
  assert.equal(fd001.train[0]!.series.channels[0]!.role, "setting");
  // The README lists setting 3, s1, s5, s10, s16, s18, s19 as constant in train_FD001.
  const constant = fd001.train[0]!.series.channels.map((c, k) => ({
    name: c.name,
    values: new Set(fd001.train.flatMap((u) => [...u.series.values[k]!])),
  }))
    .filter((c) => c.values.size === 1)
    .map((c) => c.name);
  assert.deepEqual(constant, ["setting3", "s1", "s5", "s10", "s16", "s18", "s19"]);
});

test("SKAB: 34 experiments, 400-row training parts, label counts from the README", { skip }, async () => {
  const experiments = await loadSkab(`${DATA}/skab`);
  assert.equal(experiments.length, 34);
  const rows = experiments.reduce((n, e) => n + e.train.anomaly.length + e.test.anomaly.length, 0);
  assert.equal(rows, 37_401);
  const sum = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0);
  assert.equal(
    experiments.reduce((n, e) => n + sum(e.train.changepoint) + sum(e.test.changepoint), 0),
    129,
  );
  assert.equal(
    experiments.reduce((n, e) => n + sum(e.test.changepoint), 0),
    127,
  );
  const valve = experiments.find((e) => e.name === "valve1/0")!;
  assert.equal(valve.train.series.timestamps.length, 400);
  assert.equal(valve.train.anomaly.length + valve.test.anomaly.length, 1147);
  assert.equal(sum(valve.train.anomaly) + sum(valve.test.anomaly), 401);
  assert.equal(valve.train.series.timestamps[0], parseTimestamp("2020-03-09 10:14:33"));
  assert.deepEqual(valve.test.series.channels.map((c) => c.kind).slice(0, 3), [
    "vibration",
    "vibration",
    "current",
  ]);
  // Only other/2 has anomalies in its training part: from row 104, 296 rows.
  const dirty = experiments.filter((e) => sum(e.train.anomaly) > 0);
  assert.deepEqual(
    dirty.map((e) => e.name),
    ["other/2"],
  );
  assert.equal(dirty[0]!.train.anomaly.indexOf(1), 104);
  assert.equal(sum(dirty[0]!.train.anomaly), 296);
  const labelCounts = summarizeSeries(valve.test.series).labelCounts;
  assert.equal(labelCounts.changepoint, sum(valve.test.changepoint));
  assert.equal((await loadSkabAnomalyFree(`${DATA}/skab`)).timestamps.length, 9_405);
});

test("AI4I 2020: 10,000 rows, failure and mode counts and the README's inconsistencies", {
  skip,
}, async () => {
  const data = await loadAi4i(`${DATA}/ai4i2020`);
  assert.equal(data.series.timestamps.length, 10_000);
  const sum = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0);
  assert.equal(sum(data.failure), 339);
  assert.deepEqual(Object.fromEntries(Object.entries(data.modes).map(([m, a]) => [m, sum(a)])), {
    TWF: 46,
    HDF: 115,
    PWF: 95,
    OSF: 98,
    RNF: 19,
  });
  assert.equal(data.failureWithoutMode.length, 9);
  assert.equal(data.modeWithoutFailure.length, 18);
  const types = data.series.values[5]!;
  assert.deepEqual(
    [0, 1, 2].map((code) => types.filter((v) => v === code).length),
    [6_000, 2_997, 1_003],
  );
  assert.equal(data.productIds[0], "M14860");
  assert.equal(summarizeSeries(data.series).labelCounts.failure, 339);
});

test("SLAC RF: label and candidate counts, event labels, slac-001 arrays, what is missing", {
  skip,
}, async () => {
  const data = await loadSlacRf(`${DATA}/slac_rf`);
  const count = (
    labels: readonly { isAnomaly: boolean; type: string | undefined }[],
    t: string | undefined,
    anomalous: boolean,
  ) => labels.filter((l) => l.isAnomaly === anomalous && l.type === t).length;
  assert.equal(data.labels.AMPL.length, 2_845);
  assert.deepEqual(
    [
      count(data.labels.AMPL, undefined, false),
      count(data.labels.AMPL, "s", true),
      count(data.labels.AMPL, "f", true),
    ],
    [2_292, 336, 217],
  );
  assert.deepEqual(
    [
      count(data.labels.AMM, undefined, false),
      count(data.labels.AMM, "s", true),
      count(data.labels.AMM, "f", true),
    ],
    [852, 225, 160],
  );
  assert.equal(data.candidates.AMPL.length, 3_208);
  assert.equal(data.candidates.AMM.length, 1_269);
  assert.equal(new Set(data.candidates.AMPL.map((c) => c.station)).size, 77);
  assert.equal(data.candidates.AMPL.filter((c) => c.corroborate === "Reinforced").length, 516);
  // Every AMPL window is exactly 5.3 s long.
  assert.ok(data.labels.AMPL.every((l) => l.end - l.start === 5_300_000_000n));
  assert.deepEqual(
    data.events.map((e) => [e.id, e.isAnomaly, e.type]),
    [
      ["slac-001", true, "f"],
      ["slac-002", true, "s"],
      ["slac-003", false, undefined],
      ["slac-004", false, undefined],
    ],
  );
  const e1 = data.events[0]!;
  assert.equal(e1.station, "KLYS:LI29:11");
  assert.equal(e1.candidateEnd, 1_604_277_203_201_922_048n);
  assert.equal(e1.health?.timestamps.length, 725);
  assert.equal(e1.health?.channels.length, 82);
  assert.equal(e1.bpm?.timestamps.length, 2_075);
  assert.equal(e1.bpm?.timestamps[0], 1_604_277_185_909_886_726n);
  assert.equal(e1.health!.values[0]![0], 20.458984375);
  assert.ok(Number.isNaN(e1.health!.values[22]![0]!), "null = no new report");
  assert.deepEqual(data.missing.slice(0, 3), [
    "events/slac-002.arrays.json",
    "events/slac-003.arrays.json",
    "events/slac-004.arrays.json",
  ]);
  assert.ok(data.missing.includes("klys_anom_dset_AMPL.h5"));
});

test("layouts are recognised from directory contents", { skip }, async () => {
  assert.equal(await detectDatasetLayout(`${DATA}/skab`), "skab");
  assert.equal(await detectDatasetLayout(`${DATA}/cmapss`), "cmapss");
  assert.equal(await detectDatasetLayout(`${DATA}/ai4i2020`), "ai4i2020");
  assert.equal(await detectDatasetLayout(`${DATA}/slac_rf`), "slac-rf");
  assert.equal(await detectDatasetLayout(`${DATA}/ai4i2020/ai4i2020.csv`), undefined);
});
