import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import { type ChannelInfo, type Label, labelsFromFlags, type Series } from "@vigil/core/series";
import { NS_PER_SECOND } from "@vigil/core/time";
import { readCsv } from "../readers/csv-reader.ts";
import { toFlags } from "./flags.ts";

/**
 * Server Machine Dataset layout (Su et al., KDD 2019, OmniAnomaly repository): `train/`, `test/`,
 * `test_label/` and `interpretation_label/` each hold `machine-<g>-<i>.txt`. Train and test rows are
 * comma-separated values of the same 38 (unnamed) metrics, one row per minute; test_label has one
 * 0/1 per test row; interpretation lines read `start-end:d1,d2,...`.
 *
 * Conventions taken here: metrics are named `d1`..`dN` so the 1-based dimension numbers of the
 * interpretation labels name channels directly; interpretation row ranges are read as 0-based,
 * inclusive test-row indices (as numpy indices would be written) — an assumption, since the
 * repository does not state it. Train rows sit at 0, 60, 120 ... s and the test part continues
 * right after the training part.
 */
export interface SmdInterpretation {
  /** 0-based inclusive test-row range. */
  readonly start: number;
  readonly end: number;
  /** Channel names (`d<k>`) of the dimensions the operators blamed. */
  readonly channels: readonly string[];
}

export interface SmdMachine {
  readonly name: string;
  readonly train: Series;
  /** Labels: one "anomaly" interval per run of test_label, plus one per blamed channel of each interpretation line. */
  readonly test: Series;
  readonly testLabel: Uint8Array;
  readonly interpretation: readonly SmdInterpretation[];
}

const MINUTE_NS = 60n * NS_PER_SECOND;

async function readMatrix(path: string, firstRow: number, machine: string): Promise<Series> {
  const { series } = await readCsv(path, {
    delimiter: ",",
    hasHeader: false,
    timeColumn: null,
    rowPeriodNs: MINUTE_NS,
  });
  const channels = series.channels.map(
    (_, c): ChannelInfo => ({ name: `d${c + 1}`, kind: "other", rateHz: 1 / 60 }),
  );
  const offset = BigInt(firstRow) * MINUTE_NS;
  return {
    asset: { site: "smd", machine },
    timestamps: series.timestamps.map((t) => t + offset),
    channels,
    values: series.values,
  };
}

function parseInterpretation(path: string, text: string, rows: number, dims: number): SmdInterpretation[] {
  const out: SmdInterpretation[] = [];
  text.split("\n").forEach((raw, l) => {
    const line = raw.trim();
    if (line === "") return;
    const m = /^(\d+)-(\d+):(\d+(?:,\d+)*)$/.exec(line);
    if (m === null)
      throw new VigilInputError(`expected "start-end:d1,d2,..." but found "${line.slice(0, 60)}"`, {
        source: path,
        line: l + 1,
      });
    const [start, end] = [Number(m[1]), Number(m[2])];
    const blamed = m[3]!.split(",").map(Number);
    if (start > end || end >= rows) {
      throw new VigilInputError(`expected a row range within 0..${rows - 1} but found ${start}-${end}`, {
        source: path,
        line: l + 1,
      });
    }
    const bad = blamed.find((d) => d < 1 || d > dims);
    if (bad !== undefined)
      throw new VigilInputError(`expected dimensions 1..${dims} but found ${bad}`, {
        source: path,
        line: l + 1,
      });
    out.push({ start, end, channels: blamed.map((d) => `d${d}`) });
  });
  return out;
}

export async function loadSmdMachine(dir: string, name: string): Promise<SmdMachine> {
  const file = `${name}.txt`;
  const train = await readMatrix(join(dir, "train", file), 0, name);
  const test = await readMatrix(join(dir, "test", file), train.timestamps.length, name);
  if (test.channels.length !== train.channels.length) {
    throw new VigilInputError(
      `expected ${train.channels.length} columns like the training file but found ${test.channels.length}`,
      {
        source: join(dir, "test", file),
        line: 1,
      },
    );
  }
  const labelPath = join(dir, "test_label", file);
  const labelSeries = (await readCsv(labelPath, { hasHeader: false, timeColumn: null })).series;
  const testLabel = toFlags(labelSeries.values[0] ?? new Float64Array(), { source: labelPath, firstLine: 1 });
  if (testLabel.length !== test.timestamps.length) {
    throw new VigilInputError(
      `expected one label per test row (${test.timestamps.length}) but found ${testLabel.length}`,
      {
        source: labelPath,
      },
    );
  }
  const interpretationPath = join(dir, "interpretation_label", file);
  const interpretation = parseInterpretation(
    interpretationPath,
    await readFile(interpretationPath, "utf8"),
    test.timestamps.length,
    test.channels.length,
  );
  const t = test.timestamps;
  const labels: Label[] = [
    ...labelsFromFlags(t, testLabel, "anomaly"),
    ...interpretation.flatMap((i) =>
      i.channels.map((channel) => ({ start: t[i.start]!, end: t[i.end]!, type: "anomaly", channel })),
    ),
  ];
  return { name, train, test: { ...test, labels }, testLabel, interpretation };
}

/** All machines listed in `dir/train`, in name order. */
export async function loadSmd(dir: string): Promise<SmdMachine[]> {
  const names = (await readdir(join(dir, "train")))
    .filter((f) => /^machine-\d+-\d+\.txt$/.test(f))
    .map((f) => f.slice(0, -4))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const machines: SmdMachine[] = [];
  for (const name of names) machines.push(await loadSmdMachine(dir, name));
  return machines;
}
