import { readdir } from "node:fs/promises";
import type { Series } from "@vigil/core/series";
import { loadAi4i } from "./ai4i2020.ts";
import { loadCmapss } from "./cmapss.ts";
import { type DatasetLayout, detectDatasetLayout } from "./detect-dataset.ts";
import { loadNab } from "./nab.ts";
import { loadSkab } from "./skab.ts";
import { loadSlacRf } from "./slac-rf.ts";
import { loadSmd } from "./smd.ts";
import { loadUcrArchive } from "./ucr-anomaly.ts";

export interface NamedSeries {
  readonly name: string;
  readonly series: Series;
}

/** A recognised data-set directory flattened to named series, with notes on what the adapter reported. */
export interface LoadedDataset {
  readonly layout: DatasetLayout;
  readonly series: readonly NamedSeries[];
  readonly notes: readonly string[];
}

async function cmapssSeries(dir: string): Promise<{ series: NamedSeries[]; notes: string[] }> {
  const subsets = (await readdir(dir)).flatMap((f) => /^train_(FD00\d)\.txt$/.exec(f)?.[1] ?? []).sort();
  const series: NamedSeries[] = [];
  for (const subset of subsets) {
    const data = await loadCmapss(dir, { subset });
    for (const part of ["train", "test"] as const) {
      for (const unit of data[part])
        series.push({ name: `${subset}/${part}/unit-${unit.unit}`, series: unit.series });
    }
  }
  return { series, notes: [`subsets: ${subsets.join(", ")}; time axis = cycle number (1 cycle = 1 s)`] };
}

/** Loads whichever known layout `dir` has (see detectDatasetLayout); undefined if none. */
export async function loadDataset(dir: string): Promise<LoadedDataset | undefined> {
  const layout = await detectDatasetLayout(dir);
  switch (layout) {
    case undefined:
      return undefined;
    case "skab": {
      const experiments = await loadSkab(dir);
      return {
        layout,
        series: experiments.flatMap((e) => [
          { name: `${e.name}/train`, series: e.train.series },
          { name: `${e.name}/test`, series: e.test.series },
        ]),
        notes: ["train part = first 400 rows of each experiment (published protocol)"],
      };
    }
    case "cmapss":
      return { layout, ...(await cmapssSeries(dir)) };
    case "ai4i2020": {
      const data = await loadAi4i(dir);
      return {
        layout,
        series: [{ name: "ai4i2020", series: data.series }],
        notes: [
          `independent snapshots (UDI k at k s); ${data.failureWithoutMode.length} failures without a mode flag, ${data.modeWithoutFailure.length} mode flags without a failure (kept as given)`,
        ],
      };
    }
    case "slac-rf": {
      const data = await loadSlacRf(dir);
      return {
        layout,
        series: data.events.flatMap((e) =>
          e.health === undefined || e.bpm === undefined
            ? []
            : [
                { name: `${e.id}/health`, series: e.health },
                { name: `${e.id}/bpm`, series: e.bpm },
              ],
        ),
        notes: [
          `window labels: AMPL ${data.labels.AMPL.length}, AMM ${data.labels.AMM.length}; candidates: AMPL ${data.candidates.AMPL.length}, AMM ${data.candidates.AMM.length}`,
          `events: ${data.events.map((e) => `${e.id} ${e.isAnomaly ? `anomaly (${e.type})` : "normal"}`).join(", ")}`,
          `missing: ${data.missing.join(", ") || "nothing"}`,
        ],
      };
    }
    case "nab": {
      const data = await loadNab(dir);
      return {
        layout,
        series: data.files.map((f) => ({ name: f.name, series: f.series })),
        notes:
          data.labelsWithoutData.length === 0
            ? []
            : [`label entries without a data file: ${data.labelsWithoutData.length}`],
      };
    }
    case "smd": {
      const machines = await loadSmd(dir);
      return {
        layout,
        series: machines.flatMap((m) => [
          { name: `${m.name}/train`, series: m.train },
          { name: `${m.name}/test`, series: m.test },
        ]),
        notes: ["rows 1 min apart; interpretation ranges read as 0-based test rows"],
      };
    }
    case "ucr-anomaly": {
      const archive = await loadUcrArchive(dir);
      return {
        layout,
        series: archive.map((u) => ({
          name: `${String(u.id).padStart(3, "0")}_${u.name}`,
          series: u.series,
        })),
        notes: ["rows 1 s apart; training part = points 1..trainEnd of each file"],
      };
    }
  }
}
