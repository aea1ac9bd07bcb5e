import { type RulScores, rulScores } from "@vigil/core/metrics";
import type { PublishedRulRow } from "./cmapss-leaderboard.ts";
import { LinearRulBaseline, meanCappedRul } from "./rul-baselines.ts";
import type { RulRegressorOptions } from "./rul-options.ts";
import { type RulFitProgress, type RulFitReport, RulRegressor } from "./rul-regressor.ts";
import type { RulUnit } from "./rul-units.ts";

export interface RulBenchMethod {
  readonly method: string;
  /** Predicted RUL at each test unit's last row, in test-unit order. */
  readonly predictions: Float64Array;
  readonly scores: RulScores;
}

export interface RulBenchResult {
  readonly fit: RulFitReport;
  readonly options: RulRegressorOptions;
  /** True RUL at each test unit's last row. */
  readonly actual: Float64Array;
  /** The CNN first, then the constant and linear baselines, all from this run. */
  readonly methods: readonly RulBenchMethod[];
}

export const RUL_BENCH_METHODS = {
  cnn: "1-D CNN (RulRegressor)",
  constant: "constant: mean capped training RUL",
  linear: "linear least squares on last-window means",
} as const;

/**
 * The C-MAPSS protocol: train on the run-to-failure units (the regressor holds out whole units
 * for early stopping; the test units are never seen in training), predict each test unit's RUL at
 * its last row and score RMSE and PHM08 against the true RUL (uncapped, as published). The two
 * baselines read the same channels and the same training units (all of them).
 */
export async function benchRul(
  train: readonly RulUnit[],
  test: readonly RulUnit[],
  options: { regressor?: Partial<RulRegressorOptions>; onProgress?: (p: RulFitProgress) => void } = {},
): Promise<RulBenchResult> {
  const regressor = new RulRegressor(options.regressor);
  try {
    const fit = await regressor.fit(
      train,
      options.onProgress === undefined ? {} : { onProgress: options.onProgress },
    );
    const o = regressor.options;
    const actual = Float64Array.from(test, (u) => u.rul[u.rul.length - 1]!);
    const constant = meanCappedRul(train, o.rulCap);
    const linear = new LinearRulBaseline(train, fit.channels, o.windowLength, o.rulCap);
    const method = (name: string, predictions: Float64Array): RulBenchMethod => ({
      method: name,
      predictions,
      scores: rulScores(predictions, actual),
    });
    return {
      fit,
      options: o,
      actual,
      methods: [
        method(
          RUL_BENCH_METHODS.cnn,
          Float64Array.from(test, (u) => regressor.predictLast(u.series)),
        ),
        method(RUL_BENCH_METHODS.constant, new Float64Array(test.length).fill(constant)),
        method(
          RUL_BENCH_METHODS.linear,
          Float64Array.from(test, (u) => linear.predictLast(u.series)),
        ),
      ],
    };
  } finally {
    regressor.dispose();
  }
}

const pad = (text: string, width: number) => text.padEnd(width);

/** Our rows and the published ones in one table, with the protocol underneath. */
export function formatRulTable(
  subset: string,
  result: RulBenchResult,
  published: readonly PublishedRulRow[],
): string {
  const rows: [string, string, string, string][] = [
    ...result.methods.map((m): [string, string, string, string] => [
      m.method,
      m.scores.rmse.toFixed(2),
      m.scores.phmScore.toFixed(0),
      "this run",
    ]),
    ...published.map((p): [string, string, string, string] => [
      p.method,
      p.rmse.toFixed(2),
      p.phmScore === undefined ? "–" : p.phmScore.toFixed(0),
      `published; ${p.status}`,
    ]),
  ];
  const head: [string, string, string, string] = ["method", "RMSE", "PHM08 score", "source"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => pad(cell, widths[c]!))
      .join("  ")
      .trimEnd();
  const f = result.fit;
  const o = result.options;
  return [
    `C-MAPSS ${subset}: RUL at the last cycle of ${result.actual.length} test units (lower is better)`,
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `protocol: target min(RUL, ${o.rulCap}) in training, window ${o.windowLength} cycles, padding "${o.padding}"; ` +
      `channels ${f.channels.join(" ")}; dropped as constant in training: ${f.dropped.join(" ") || "none"}`,
    `training: ${f.trainUnits} units (${f.trainWindows} windows), early stopping on ${f.validationUnits} held-out training units; ` +
      `${f.epochs}/${o.epochs} epochs, best ${f.bestEpoch} (validation RMSE ${f.validationRmse?.toFixed(2) ?? "–"}); ` +
      `train_seconds ${f.seconds.toFixed(1)}`,
  ].join("\n");
}

/** The machine-readable form of the same result. */
export function rulBenchJson(subset: string, result: RulBenchResult, published: readonly PublishedRulRow[]) {
  const f = result.fit;
  return {
    subset,
    train_seconds: f.seconds,
    protocol: {
      rul_cap: result.options.rulCap,
      window_length: result.options.windowLength,
      padding: result.options.padding,
      channels: f.channels,
      dropped: f.dropped,
      train_units: f.trainUnits,
      validation_units: f.validationUnits,
      train_windows: f.trainWindows,
      epochs_run: f.epochs,
      max_epochs: result.options.epochs,
      best_epoch: f.bestEpoch,
      validation_rmse: f.validationRmse ?? null,
      test_units: result.actual.length,
    },
    rows: result.methods.map((m) => ({
      method: m.method,
      rmse: m.scores.rmse,
      phm_score: m.scores.phmScore,
      mean_error: m.scores.meanError,
    })),
    published: published.map((p) => ({
      method: p.method,
      rmse: p.rmse,
      phm_score: p.phmScore ?? null,
      status: p.status,
    })),
  };
}
