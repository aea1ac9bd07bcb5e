import type { Series } from "@vigil/core";
import type { ChangeOnlySignal } from "@vigil/core/rolling";
import type { TimeWindow } from "../confirm/window-maxima.ts";
import type { PrPoint } from "../evaluate/pr-curve.ts";
import { type Panel, svgPanels } from "./svg-chart.ts";

/** Figure 3: the PR curve of the beam threshold, its best-F1 point and the random classifier. */
export function prCurveSvg(
  points: readonly PrPoint[],
  best: PrPoint,
  positiveFraction: number,
  title: string,
): string {
  return svgPanels([
    {
      title: `${title} — best F1 ${best.f1.toFixed(3)} at τ = ${best.threshold.toFixed(3)}`,
      xLabel: "recall",
      yLabel: "precision",
      lines: [
        {
          name: "beam corroboration",
          x: points.map((p) => p.recall),
          y: points.map((p) => p.precision),
          color: "#c0392b",
        },
        {
          name: "random classifier",
          x: [0, 1],
          y: [positiveFraction, positiveFraction],
          color: "#555",
          dashed: true,
        },
        {
          name: "best F1",
          x: [best.recall, best.recall],
          y: [best.precision - 0.01, best.precision + 0.01],
          color: "#000",
        },
      ],
    },
  ]);
}

/** Figure 7: confirmed anomalies of one station per time bin, by the diagnostic that raised them. */
export function stationHistogramSvg(
  station: string,
  bySource: ReadonlyArray<{ source: string; times: readonly bigint[]; color: string }>,
  originNs: bigint,
  binSeconds: number,
  binName: string,
): string {
  const bin = (t: bigint): number => Math.floor(Number(t - originNs) / 1e9 / binSeconds);
  const bins = Math.max(1, ...bySource.flatMap((s) => s.times.map((t) => bin(t) + 1)));
  return svgPanels([
    {
      title: `${station}: confirmed anomalies per ${binName}`,
      xLabel: `${binName}s since start`,
      yLabel: "anomalies",
      bars: bySource.map((s) => {
        const height = new Float64Array(bins);
        for (const t of s.times) height[bin(t)]! += 1;
        return {
          name: s.source,
          x: Array.from({ length: bins }, (_, i) => i),
          height,
          width: 1,
          color: s.color,
        };
      }),
    },
  ]);
}

/**
 * Figures 4-5: the station's diagnostic, the energy deviation (dispersive positions) and TMIT around a
 * candidate, the implied anomaly window shaded; times in seconds relative to the window's end.
 */
export function eventSvg(options: {
  title: string;
  diagnostic: ChangeOnlySignal;
  diagnosticName: string;
  beam: Series;
  window: TimeWindow;
  fromSeconds: number;
}): string {
  const { beam, window } = options;
  const rel = (t: bigint): number => Number(t - window.end) / 1e9;
  const inView = (t: bigint): boolean => rel(t) >= options.fromSeconds && rel(t) <= 2;
  const shade: Array<[number, number]> = [[rel(window.start), 0]];
  const colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];
  const rows = Array.from(beam.timestamps.keys()).filter((i) => inView(beam.timestamps[i]!));
  const beamLines = (tmit: boolean) =>
    beam.channels
      .map((c, k) => ({ c, k }))
      .filter(({ c }) => c.name.endsWith(":TMIT") === tmit)
      .map(({ c, k }, j) => ({
        name: c.name,
        x: rows.map((i) => rel(beam.timestamps[i]!)),
        y: rows.map((i) => {
          const v = beam.values[k]![i]!;
          return !tmit && v >= 100 ? Number.NaN : v;
        }),
        color: colors[j % colors.length]!,
      }));
  const d = options.diagnostic;
  const dRows = Array.from(d.timestampsNs.keys()).filter(
    (i) => inView(d.timestampsNs[i]!) && !Number.isNaN(d.values[i]!),
  );
  const panels: Panel[] = [
    {
      title: options.title,
      xLabel: "seconds relative to the candidate's end",
      yLabel: options.diagnosticName,
      lines: [
        {
          name: options.diagnosticName,
          x: dRows.map((i) => rel(d.timestampsNs[i]!)),
          y: dRows.map((i) => d.values[i]!),
          color: "#c0392b",
        },
      ],
      shade,
    },
    {
      title: "energy deviation (dispersive BPM positions)",
      xLabel: "seconds",
      yLabel: "energy-loss units",
      lines: beamLines(false),
      shade,
    },
    { title: "TMIT", xLabel: "seconds", yLabel: "electrons", lines: beamLines(true), shade },
  ];
  return svgPanels(panels);
}
