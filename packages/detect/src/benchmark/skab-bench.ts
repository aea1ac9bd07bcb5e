import type { RandomBaselineOptions } from "@vigil/core/metrics";
import { NS_PER_SECOND } from "@vigil/core/time";
import type { SkabExperiment } from "@vigil/data/datasets";
import { checkTrainingConfig, createDetector, type TrainingConfig } from "../catalog/index.ts";
import { benchmarkDetectorNames } from "./benchmark-detectors.ts";
import { detectorBudgets, skabRandomBaseline } from "./skab-random-baseline.ts";
import { type SkabRow, skabRow } from "./skab-row.ts";
import { runSkab, type SkabRunOptions } from "./skab-runner.ts";
import type { SkabReportEntry } from "./skab-table.ts";

export interface SkabBenchOptions extends SkabRunOptions {
  /** Seeds and runs of the random-score row. */
  random: Partial<RandomBaselineOptions>;
  /**
   * One configuration for every file, as a training config file holds it (`vigil train --config`): the
   * detector's options, and a calibration that replaces the run's threshold and alert-rule options.
   */
  config: TrainingConfig;
  /** Where `config` came from, named in its errors. */
  configSource: string;
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
  const [kind] = benchmarkDetectorNames(name) as [string];
  const {
    random: randomOptions,
    config,
    configSource,
    ...runOptions
  } = {
    random: {},
    config: {},
    configSource: "defaults",
    ...options,
  };
  // Checked in full before the first file, so a bad key fails at once and names the file and the key.
  const plan = checkTrainingConfig(kind, config, configSource);
  (plan.detector as { dispose?: () => void }).dispose?.();
  const seconds = (s: number) => BigInt(Math.round(s * Number(NS_PER_SECOND)));
  const run = await runSkab(experiments, () => createDetector(kind, config.detector), {
    ...runOptions,
    ...(config.calibration === undefined
      ? {}
      : {
          threshold: plan.calibration.threshold,
          mergeGapNs: seconds(plan.calibration.mergeGapSeconds),
          minDurationNs: seconds(plan.calibration.minDurationSeconds),
        }),
  });
  const random = skabRandomBaseline(experiments, detectorBudgets(run.files), randomOptions);
  return { row: skabRow(kind, run), random, trainSeconds: run.trainSeconds };
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
