import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import type { ChannelInfo, Series } from "@vigil/core/series";
import { NS_PER_SECOND } from "@vigil/core/time";
import { expectOneOf, withDefaults } from "@vigil/core/validate";
import { readCsv } from "../readers/csv-reader.ts";

/**
 * NASA C-MAPSS turbofan run-to-failure data (shared/data/cmapss/README.md). Each unit becomes one
 * Series. There is no wall clock: cycle c is placed at c seconds after the epoch, so the time axis
 * counts cycles. Settings 1-3 are role "setting" (they define the operating regime).
 */
export const CMAPSS_CHANNELS: readonly ChannelInfo[] = [
  ...[1, 2, 3].map((i): ChannelInfo => ({ name: `setting${i}`, kind: "setting", role: "setting" })),
  ...Array.from(
    { length: 21 },
    (_, i): ChannelInfo => ({ name: `s${i + 1}`, kind: "other", role: "sensor" }),
  ),
];

export interface CmapssUnit {
  readonly unit: number;
  readonly series: Series;
  /** Remaining useful life in cycles at each row (uncapped; most papers clip at 125 or 130). */
  readonly rul: Float64Array;
}

export interface CmapssSubset {
  readonly subset: string;
  /** Run to failure: RUL at cycle t = last cycle − t; a "failure" point label marks the last cycle. */
  readonly train: readonly CmapssUnit[];
  /** Cut short: RUL at the last cycle comes from RUL_FD00x.txt, earlier rows count up from it. */
  readonly test: readonly CmapssUnit[];
}

export interface CmapssOptions {
  /** "FD001" (default) .. "FD004". */
  subset: string;
}

const SUBSETS = ["FD001", "FD002", "FD003", "FD004"];

async function readUnits(
  path: string,
  subset: string,
  part: string,
): Promise<{ unit: number; series: Series }[]> {
  const { series } = await readCsv(path, { delimiter: " ", hasHeader: false, timeColumn: null });
  if (series.channels.length !== 26) {
    throw new VigilInputError(
      `expected 26 numbers per row (unit, cycle, 3 settings, 21 sensors) but found ${series.channels.length}`,
      {
        source: path,
        line: 1,
      },
    );
  }
  const [units, cycles] = [series.values[0]!, series.values[1]!];
  const out: { unit: number; series: Series }[] = [];
  let start = 0;
  for (let i = 1; i <= units.length; i++) {
    if (i < units.length && units[i] === units[start]) {
      if (cycles[i] !== cycles[i - 1]! + 1) {
        throw new VigilInputError(
          `expected cycle ${cycles[i - 1]! + 1} for unit ${units[i]} but found ${cycles[i]}`,
          {
            source: path,
            line: i + 1,
            column: 2,
          },
        );
      }
      continue;
    }
    const unit = units[start]!;
    out.push({
      unit,
      series: {
        asset: { site: `cmapss-${subset}`, machine: `${part}-unit-${unit}` },
        timestamps: BigInt64Array.from(cycles.subarray(start, i), (c) => BigInt(c) * NS_PER_SECOND),
        channels: CMAPSS_CHANNELS,
        values: series.values.slice(2).map((column) => column.slice(start, i)),
      },
    });
    start = i;
  }
  return out;
}

/** Loads train, test and RUL files of one C-MAPSS subset into per-unit Series with RUL targets. */
export async function loadCmapss(dir: string, options?: Partial<CmapssOptions>): Promise<CmapssSubset> {
  const o = withDefaults("loadCmapss options", { subset: "FD001" }, options);
  expectOneOf("subset", o.subset, SUBSETS);
  const train = (await readUnits(join(dir, `train_${o.subset}.txt`), o.subset, "train")).map(
    ({ unit, series }) => {
      const n = series.timestamps.length;
      const last = series.timestamps[n - 1]!;
      return {
        unit,
        series: { ...series, labels: [{ start: last, end: last, type: "failure" }] },
        rul: Float64Array.from({ length: n }, (_, i) => n - 1 - i),
      };
    },
  );
  const rulPath = join(dir, `RUL_${o.subset}.txt`);
  const finalRul = (await readCsv(rulPath, { hasHeader: false, timeColumn: null })).series.values[0]!;
  const testUnits = await readUnits(join(dir, `test_${o.subset}.txt`), o.subset, "test");
  if (finalRul.length !== testUnits.length) {
    throw new VigilInputError(
      `expected one RUL per test unit (${testUnits.length}) but found ${finalRul.length}`,
      {
        source: rulPath,
      },
    );
  }
  const test = testUnits.map(({ unit, series }, u) => {
    const n = series.timestamps.length;
    return { unit, series, rul: Float64Array.from({ length: n }, (_, i) => finalRul[u]! + n - 1 - i) };
  });
  return { subset: o.subset, train, test };
}
