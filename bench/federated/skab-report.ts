// The SKAB federated benchmark's results: one row per method, as a table and as a bar chart.
import { averagePrecision } from "@vigil/core/metrics";
import { type BarSeries, renderPanelChart } from "@vigil/core/plot";
import type { SkabExperiment } from "@vigil/data/datasets";
import { type SkabRow, type SkabRunResult, skabRow } from "@vigil/detect/benchmark";

export interface SkabMethodRow extends SkabRow {
  /** Mean over files of the PR-AUC of the test part's scores against its anomaly labels. */
  readonly prAuc: number;
  readonly trainSeconds: number;
  /** Federated only: mean bytes per round sent by the sites, and by the coordinator. */
  readonly upPerRound: number | undefined;
  readonly downPerRound: number | undefined;
}

/**
 * Threshold-free quality of one method's scores: PR-AUC of each file's test part (its own model's scores,
 * whose scale differs between files under local-only training, hence per file), averaged over files.
 */
export function meanPrAuc(experiments: readonly SkabExperiment[], run: SkabRunResult): number {
  let sum = 0;
  for (const [i, e] of experiments.entries()) {
    const file = run.files[i]!;
    const scores = file.scores.subarray(file.trainRows);
    const keep = [...scores.keys()].filter((t) => Number.isFinite(scores[t]!));
    sum += averagePrecision(
      Uint8Array.from(keep, (t) => e.test.anomaly[t]!),
      Float64Array.from(keep, (t) => scores[t]!),
    );
  }
  return sum / experiments.length;
}

export function methodRow(
  name: string,
  experiments: readonly SkabExperiment[],
  run: SkabRunResult,
  cost: { trainSeconds: number; upPerRound?: number; downPerRound?: number },
): SkabMethodRow {
  return {
    ...skabRow(name, run),
    prAuc: meanPrAuc(experiments, run),
    trainSeconds: cost.trainSeconds,
    upPerRound: cost.upPerRound,
    downPerRound: cost.downPerRound,
  };
}

const kib = (bytes: number | undefined): string => (bytes === undefined ? "—" : (bytes / 1024).toFixed(1));

export function skabTableLines(rows: readonly SkabMethodRow[]): string[] {
  const header = [
    "method".padEnd(36),
    "F1".padStart(6),
    "FAR %".padStart(7),
    "MAR %".padStart(7),
    "NAB std".padStart(8),
    "PR-AUC".padStart(7),
    "train s".padStart(8),
    "up KiB/rd".padStart(10),
    "down KiB/rd".padStart(12),
  ].join(" ");
  return [
    header,
    ...rows.map((r) =>
      [
        r.detector.padEnd(36),
        r.f1.toFixed(4).padStart(6),
        r.far.toFixed(2).padStart(7),
        r.mar.toFixed(2).padStart(7),
        r.nab_standard.toFixed(2).padStart(8),
        r.prAuc.toFixed(3).padStart(7),
        r.trainSeconds.toFixed(1).padStart(8),
        kib(r.upPerRound).padStart(10),
        kib(r.downPerRound).padStart(12),
      ].join(" "),
    ),
  ];
}

const COLORS = ["#7f7f7f", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];

/** Outlier F1, mean per-file PR-AUC and NAB (standard) by method, one bar per method in each panel. */
export function skabChart(rows: readonly SkabMethodRow[], title: string): string {
  const bars = (height: (r: SkabMethodRow) => number): BarSeries[] =>
    rows.map((r, i) => ({
      name: r.detector,
      x: [i],
      height: [height(r)],
      width: 0.8,
      color: COLORS[i % COLORS.length]!,
    }));
  return renderPanelChart({
    title,
    x: { kind: "linear", label: "method (see legend)", domain: [-0.2, rows.length] },
    width: 1000,
    panelHeight: 180,
    panels: [
      {
        title: "outlier F1 (confusion matrix summed over the 34 test parts)",
        yLabel: "F1",
        bars: bars((r) => r.f1),
        yDomain: [0, 1],
      },
      {
        title: "PR-AUC of the scores, mean over files",
        yLabel: "PR-AUC",
        bars: bars((r) => r.prAuc),
        yDomain: [0, 1],
      },
      {
        title: "NAB score, standard profile",
        yLabel: "NAB",
        bars: bars((r) => r.nab_standard),
        yDomain: [0, 100],
      },
    ],
  });
}
