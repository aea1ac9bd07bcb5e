import { type BarSeries, type LineSeries, renderPanelChart } from "@vigil/core/plot";
import type { RoundReport } from "@vigil/federated/coordinator";

const COLORS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#393b79",
  "#637939",
];

export interface PlottedRun {
  readonly name: string;
  readonly reports: readonly RoundReport[];
}

/** Loss of the global model per round (every run) and cumulative bytes uploaded (runs named in `bytesOf`). */
export function roundsChart(runs: readonly PlottedRun[], bytesOf: readonly string[]): string {
  const line = (run: PlottedRun, i: number, y: (r: RoundReport, k: number) => number): LineSeries => ({
    name: run.name,
    x: run.reports.map((r) => r.round),
    y: run.reports.map(y),
    color: COLORS[i % COLORS.length]!,
    markers: true,
  });
  const cumulative = (run: PlottedRun) => {
    let sum = 0;
    return run.reports.map((r) => (sum += r.bytesUp) / 1024);
  };
  return renderPanelChart({
    title: "Federated VAE on simulated cryogenic sites",
    x: { kind: "linear", label: "round" },
    width: 1100,
    panelHeight: 220,
    panels: [
      {
        title: "global model's loss on the sites' data, relative to round 1 (capped at 2)",
        yLabel: "loss / round-1 loss",
        lines: runs.map((run, i) => line(run, i, (r) => Math.min(r.loss / run.reports[0]!.loss, 2))),
      },
      {
        title: "cumulative bytes uploaded by the sites",
        yLabel: "KiB",
        lines: runs
          .map((run, i) => ({ run, i }))
          .filter(({ run }) => bytesOf.includes(run.name))
          .map(({ run, i }) => {
            const y = cumulative(run);
            return { ...line(run, i, (_, k) => y[k]!) };
          }),
      },
    ],
  });
}

/** Mean PR-AUC over sites by method, one bar each. */
export function qualityChart(rows: readonly { name: string; prAuc: number }[], positiveRate: number): string {
  const bars: BarSeries[] = rows.map((row, i) => ({
    name: row.name,
    x: [i],
    height: [row.prAuc],
    width: 0.8,
    color: COLORS[i % COLORS.length]!,
  }));
  return renderPanelChart({
    title: `Detection of held-out faults: mean PR-AUC over sites (random ≈ ${positiveRate.toFixed(2)})`,
    x: { kind: "linear", label: "method (see legend)", domain: [-0.2, rows.length] },
    width: 1100,
    panelHeight: 260,
    panels: [{ title: "mean PR-AUC", yLabel: "PR-AUC", bars, yDomain: [0, 1] }],
  });
}
