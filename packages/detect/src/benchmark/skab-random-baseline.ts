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

/** What the random row must match per file: the detector's budgets, which use no labels. */
export interface SkabDetectorBudget {
  /** Fraction of the test rows flagged. */
  readonly alarmRate: number;
  /** Changepoints reported in the test part. */
  readonly changepoints: number;
}

/**
 * The random row printed beside a detector's: seeded uniform scores, thresholded per file so that each test part
 * raises alarms on the same fraction of rows as the detector did there, and as many changepoints as the detector
 * reported there at uniformly random rows. On SKAB, where 30-50 % of test rows are anomalous and the changepoint
 * windows cover about a third of them, a detector must beat this row to show skill rather than a generous
 * budget. Mean and standard deviation over `runs` seeds.
 */
export function skabRandomBaseline(
  experiments: readonly SkabExperiment[],
  budgets: readonly SkabDetectorBudget[],
  options?: Partial<RandomBaselineOptions>,
): SkabRandomBaseline {
  if (budgets.length !== experiments.length) {
    throw new VigilArgumentError(
      `Expected one budget per experiment (${experiments.length}) but received ${budgets.length}`,
    );
  }
  const lengths = experiments.map((e) => e.test.anomaly.length);
  const total = lengths.reduce((a, n) => a + n, 0);
  return randomBaseline(
    2 * total,
    (scores) => {
      let offset = 0;
      const predictions: Uint8Array[] = [];
      const changepoints: Uint8Array[] = [];
      lengths.forEach((n, f) => {
        const alarms = scores.subarray(offset, offset + n);
        const places = scores.subarray(total + offset, total + offset + n);
        offset += n;
        predictions.push(Uint8Array.from(alarms, (u) => (u < budgets[f]!.alarmRate ? 1 : 0)));
        changepoints.push(smallest(places, budgets[f]!.changepoints));
      });
      const { detector: _, ...figures } = skabRow(
        "random",
        evaluateSkab(experiments, predictions, changepoints),
      );
      return figures;
    },
    options,
  );
}

/** 0/1 marking the k smallest values: k rows drawn uniformly without replacement. */
function smallest(values: Float64Array, k: number): Uint8Array {
  const mask = new Uint8Array(values.length);
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  for (const i of order.slice(0, k)) mask[i] = 1;
  return mask;
}

/** Per file, the fraction of test rows a detector flagged and the changepoints it reported. */
export function detectorBudgets(
  files: readonly { readonly predictions: Uint8Array; readonly changepoints: Uint8Array }[],
): SkabDetectorBudget[] {
  const count = (mask: Uint8Array) => mask.reduce((a, v) => a + v, 0);
  return files.map((f) => ({
    alarmRate: count(f.predictions) / Math.max(f.predictions.length, 1),
    changepoints: count(f.changepoints),
  }));
}
