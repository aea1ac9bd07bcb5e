import type { RandomBaselineOptions } from "@vigil/core/metrics";
import type { SkabExperiment } from "@vigil/data/datasets";
import { BENCHMARK_DETECTORS, benchmarkDetectorNames } from "./benchmark-detectors.ts";
import { detectorBudgets, skabRandomBaseline } from "./skab-random-baseline.ts";
import { type SkabRow, skabRow } from "./skab-row.ts";
import { runSkab, type SkabRunOptions } from "./skab-runner.ts";
import type { SkabReportEntry } from "./skab-table.ts";

export interface SkabBenchOptions extends SkabRunOptions {
  /** Seeds and runs of the random-score row. */
  random: Partial<RandomBaselineOptions>;
}

/** `vigil bench skab --json` for one detector: its row, its train time and its random-score row's means. */
export interface SkabBenchJson extends SkabRow {
  readonly train_seconds: number;
  readonly random: Readonly<Record<string, number>>;
}

/** Runs the SKAB protocol for a registered detector and its random-score row. */
export async function benchSkab(
  experiments: readonly SkabExperiment[],
  name: string,
  options?: Partial<SkabBenchOptions>,
): Promise<SkabReportEntry> {
  const [checked] = benchmarkDetectorNames(name);
  const make = BENCHMARK_DETECTORS[checked!]!;
  const { random: randomOptions, ...runOptions } = { random: {}, ...options };
  const run = await runSkab(experiments, make, runOptions);
  const random = skabRandomBaseline(experiments, detectorBudgets(run.files), randomOptions);
  return { row: skabRow(checked!, run), random, trainSeconds: run.trainSeconds };
}

export function skabBenchJson(entry: SkabReportEntry): SkabBenchJson {
  const { detector, f1, far, mar, nab_standard, nab_lowfp, nab_lowfn, missed_cps, fps } = entry.row;
  return {
    detector,
    f1,
    far,
    mar,
    nab_standard,
    nab_lowfp,
    nab_lowfn,
    train_seconds: entry.trainSeconds,
    missed_cps,
    fps,
    random: entry.random.mean,
  };
}
