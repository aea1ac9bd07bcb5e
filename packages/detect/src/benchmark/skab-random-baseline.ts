import { VigilArgumentError } from "@vigil/core/errors";
import { type RandomBaselineOptions, randomBaseline } from "@vigil/core/metrics";
import type { SkabExperiment } from "@vigil/data/datasets";
import { evaluateSkab } from "./skab-evaluation.ts";
import { type SkabRow, skabRow } from "./skab-row.ts";

type Figure = Exclude<keyof SkabRow, "detector">;

export interface SkabRandomBaseline {
  readonly mean: Readonly<Record<Figure, number>>;
  readonly std: Readonly<Record<Figure, number>>;
  readonly runs: number;
}

/**
 * The random-score row printed beside a detector's: seeded uniform scores, thresholded per file so that each test
 * part raises alarms on the same fraction of rows as the detector did there (the detector's alarm budget, which
 * uses no labels). On SKAB, where 30-50 % of test rows are anomalous, a detector must beat this row to show skill
 * rather than a generous alarm rate. Mean and standard deviation over `runs` seeds.
 */
export function skabRandomBaseline(
  experiments: readonly SkabExperiment[],
  alarmRates: readonly number[],
  options?: Partial<RandomBaselineOptions>,
): SkabRandomBaseline {
  if (alarmRates.length !== experiments.length) {
    throw new VigilArgumentError(
      `Expected one alarm rate per experiment (${experiments.length}) but received ${alarmRates.length}`,
    );
  }
  const lengths = experiments.map((e) => e.test.anomaly.length);
  const total = lengths.reduce((a, n) => a + n, 0);
  return randomBaseline(
    total,
    (scores) => {
      let offset = 0;
      const predictions = lengths.map((n, f) => {
        const part = scores.subarray(offset, offset + n);
        offset += n;
        return Uint8Array.from(part, (u) => (u < alarmRates[f]! ? 1 : 0));
      });
      const { detector: _, ...figures } = skabRow("random", evaluateSkab(experiments, predictions));
      return figures;
    },
    options,
  );
}

/** Per file, the fraction of test rows a detector flagged. */
export function alarmRates(predictions: readonly Uint8Array[]): number[] {
  return predictions.map((p) => p.reduce((a, v) => a + v, 0) / Math.max(p.length, 1));
}
