import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import { type ChannelInfo, labelsFromFlags, type Series, sliceByIndex } from "@vigil/core/series";
import { expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { readCsv } from "../readers/csv-reader.ts";
import { toFlags } from "./flags.ts";

/** SKAB's eight sensors with kinds and units from shared/data/skab/README.md. */
export const SKAB_CHANNELS: readonly ChannelInfo[] = [
  { name: "Accelerometer1RMS", kind: "vibration", unit: "g" },
  { name: "Accelerometer2RMS", kind: "vibration", unit: "g" },
  { name: "Current", kind: "current", unit: "A" },
  { name: "Pressure", kind: "pressure", unit: "bar" },
  { name: "Temperature", kind: "temperature", unit: "°C" },
  { name: "Thermocouple", kind: "temperature", unit: "°C" },
  { name: "Voltage", kind: "voltage", unit: "V" },
  { name: "Volume Flow RateRMS", kind: "flow", unit: "l/min" },
];

/** The protocol's split: the first 400 rows of every experiment are its training part. */
export const SKAB_TRAIN_ROWS = 400;
const GROUPS = ["valve1", "valve2", "other"] as const;

export interface SkabPart {
  /** Sensors only; labels: "anomaly" intervals and "changepoint" points, clipped to the part. */
  readonly series: Series;
  /** Per-row 0/1 from the file's `anomaly` and `changepoint` columns. */
  readonly anomaly: Uint8Array;
  readonly changepoint: Uint8Array;
}

export interface SkabExperiment {
  /** "valve1/0", "other/14", ... */
  readonly name: string;
  readonly group: (typeof GROUPS)[number];
  readonly train: SkabPart;
  readonly test: SkabPart;
}

export interface SkabOptions {
  /** Rows in each training part. Default 400 (the published protocol). */
  trainRows: number;
}

async function readExperiment(
  path: string,
  group: SkabExperiment["group"],
  name: string,
  trainRows: number,
): Promise<SkabExperiment> {
  const { series } = await readCsv(path, { delimiter: ";", hasHeader: true, timeColumn: "datetime" });
  const names = series.channels.map((c) => c.name);
  const expected = [...SKAB_CHANNELS.map((c) => c.name), "anomaly", "changepoint"];
  if (names.join() !== expected.join()) {
    throw new VigilInputError(
      `expected columns datetime, ${expected.join(", ")} but found ${names.join(", ")}`,
      {
        source: path,
        line: 1,
      },
    );
  }
  const anomaly = toFlags(series.values[8]!, { source: path, column: "anomaly", firstLine: 2 });
  const changepoint = toFlags(series.values[9]!, { source: path, column: "changepoint", firstLine: 2 });
  const t = series.timestamps;
  const full: Series = {
    asset: { site: "skab", machine: `${group}/${name}` },
    timestamps: t,
    channels: SKAB_CHANNELS,
    values: series.values.slice(0, 8),
    // Changepoints are single rows: one point label per flagged row, never merged into runs.
    labels: [
      ...labelsFromFlags(t, anomaly, "anomaly"),
      ...[...changepoint.keys()]
        .filter((i) => changepoint[i] === 1)
        .map((i) => ({ start: t[i]!, end: t[i]!, type: "changepoint" })),
    ],
  };
  const split = Math.min(trainRows, t.length);
  const part = (from: number, to: number): SkabPart => ({
    series: sliceByIndex(full, from, to),
    anomaly: anomaly.subarray(from, to),
    changepoint: changepoint.subarray(from, to),
  });
  return { name: `${group}/${name}`, group, train: part(0, split), test: part(split, t.length) };
}

const byNumber = (a: string, b: string): number => Number.parseInt(a, 10) - Number.parseInt(b, 10);

/**
 * Loads the 34 labelled SKAB experiments (valve1 0-15, valve2 0-3, other 1-14, in that order), each
 * split chronologically into the first `trainRows` rows and the rest, as the published leaderboard does.
 */
export async function loadSkab(dir: string, options?: Partial<SkabOptions>): Promise<SkabExperiment[]> {
  const o = withDefaults("loadSkab options", { trainRows: SKAB_TRAIN_ROWS }, options);
  expectPositiveInteger("trainRows", o.trainRows);
  const experiments: SkabExperiment[] = [];
  for (const group of GROUPS) {
    const files = (await readdir(join(dir, group))).filter((f) => /^\d+\.csv$/.test(f)).sort(byNumber);
    for (const file of files) {
      experiments.push(
        await readExperiment(join(dir, group, file), group, file.replace(/\.csv$/, ""), o.trainRows),
      );
    }
  }
  return experiments;
}

/** The anomaly-free run (9,405 rows, no label columns), e.g. to fit a model of normal operation. */
export async function loadSkabAnomalyFree(dir: string): Promise<Series> {
  const path = join(dir, "anomaly-free", "anomaly-free.csv");
  const { series } = await readCsv(path, { delimiter: ";", hasHeader: true, timeColumn: "datetime" });
  if (series.channels.map((c) => c.name).join() !== SKAB_CHANNELS.map((c) => c.name).join()) {
    throw new VigilInputError(
      `expected the columns datetime, ${SKAB_CHANNELS.map((c) => c.name).join(", ")}`,
      {
        source: path,
        line: 1,
      },
    );
  }
  return { ...series, asset: { site: "skab", machine: "anomaly-free" }, channels: SKAB_CHANNELS };
}
