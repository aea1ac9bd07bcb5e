import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { parseTimestamp } from "@vigil/core/time";
import {
  detectDatasetLayout,
  loadNab,
  loadSmd,
  loadUcrArchive,
  loadUcrSeries,
  parseUcrName,
} from "@vigil/data/datasets";

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const S = 1_000_000_000n;

test("NAB: data files with their windows; label keys without data are reported", async () => {
  const nab = await loadNab(fixture("nab"));
  assert.deepEqual(
    nab.files.map((f) => f.name),
    ["artificialNoAnomaly/art_flatline.csv", "realKnownCause/machine_temperature.csv"],
  );
  assert.deepEqual(nab.labelsWithoutData, ["realTweets/Twitter_volume_AAPL.csv"]);
  const machine = nab.files[1]!.series;
  assert.deepEqual([...machine.values[0]!], [73.96, 74.93, 76.12, 99.5, 101.25, 75]);
  assert.equal(machine.timestamps[0], parseTimestamp("2013-12-02T21:15:00Z"));
  assert.deepEqual(machine.labels, [
    {
      start: parseTimestamp("2013-12-02T21:27:30Z"),
      end: parseTimestamp("2013-12-02T21:37:30Z"),
      type: "anomaly",
    },
  ]);
  assert.deepEqual(nab.files[0]!.series.labels, []);
  assert.equal(await detectDatasetLayout(fixture("nab")), "nab");
});

test("SMD: train/test matrices, test labels and per-channel interpretation labels", async () => {
  const [machine, ...rest] = await loadSmd(fixture("smd"));
  assert.equal(rest.length, 0);
  assert.equal(machine!.name, "machine-1-1");
  assert.deepEqual(
    machine!.train.channels.map((c) => c.name),
    ["d1", "d2", "d3"],
  );
  assert.equal(machine!.train.timestamps.length, 4);
  // The test part continues the minute clock after the 4 training rows.
  assert.equal(machine!.test.timestamps[0], 4n * 60n * S);
  assert.deepEqual([...machine!.testLabel], [0, 0, 1, 1, 0, 0]);
  assert.deepEqual(machine!.interpretation, [{ start: 2, end: 3, channels: ["d1", "d3"] }]);
  const t2 = 6n * 60n * S;
  const t3 = 7n * 60n * S;
  assert.deepEqual(machine!.test.labels, [
    { start: t2, end: t3, type: "anomaly" },
    { start: t2, end: t3, type: "anomaly", channel: "d1" },
    { start: t2, end: t3, type: "anomaly", channel: "d3" },
  ]);
  assert.equal(machine!.test.values[2]![3], 0.85);
  assert.equal(await detectDatasetLayout(fixture("smd")), "smd");
});

test("UCR anomaly archive: 1-based name positions, one-per-line and single-line files", async () => {
  assert.deepEqual(parseUcrName("025_UCR_Anomaly_DISTORTEDCIMIS44AirTemperature1_4000_5391_5392.txt"), {
    id: 25,
    name: "DISTORTEDCIMIS44AirTemperature1",
    trainEnd: 4000,
    begin: 5391,
    end: 5392,
  });
  const [toy, oneLine] = await loadUcrArchive(fixture("ucr"));
  assert.equal(toy!.name, "toy");
  assert.equal(toy!.train.timestamps.length, 4);
  assert.equal(toy!.test.timestamps.length, 6);
  assert.equal(toy!.anomalyStart, 6);
  assert.equal(toy!.anomalyEnd, 7);
  assert.deepEqual([toy!.series.values[0]![6], toy!.series.values[0]![7]], [9, 9]);
  assert.deepEqual(toy!.test.labels, [{ start: 6n * S, end: 7n * S, type: "anomaly" }]);
  assert.deepEqual(toy!.train.labels, []);
  assert.equal(oneLine!.series.timestamps.length, 8);
  assert.equal(oneLine!.series.values[0]![oneLine!.anomalyStart], 7.5);
  assert.equal(await detectDatasetLayout(fixture("ucr")), "ucr-anomaly");
});

test("UCR: malformed values and names are errors that say where and what", async () => {
  await assert.rejects(loadUcrSeries(fixture("ucr-bad/003_UCR_Anomaly_bad_1_3_3.txt")), (e: unknown) => {
    assert.ok(e instanceof VigilInputError);
    assert.equal(e.line, 3);
    assert.equal(e.column, 1);
    assert.match(e.message, /expected a number but found "three"/);
    return true;
  });
  await assert.rejects(loadUcrSeries(fixture("epoch-ms.tsv")), VigilArgumentError);
});
