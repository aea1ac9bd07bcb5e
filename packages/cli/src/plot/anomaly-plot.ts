import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import { formatTimestamp } from "@vigil/core/time";
import type { ModelCalibration, ScoredEvent, ScoreResult } from "@vigil/detect";
import { renderTimeChart, type TimeChart } from "./time-chart.ts";

const PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];

export interface AnomalyPlotInput {
  readonly title: string;
  readonly series: Series;
  readonly scores: ScoreResult;
  readonly calibration: ModelCalibration;
  readonly events: readonly ScoredEvent[];
  /** Signals to draw, one panel each, above the score panel. */
  readonly channels: readonly string[];
}

const seconds = (ns: bigint) => Number(ns) / 1e9;

/** SVG of the chosen signals, then the score with its threshold, each event shaded across all panels. */
export function anomalyPlot(input: AnomalyPlotInput): string {
  const { series, scores, calibration, events } = input;
  const panels = input.channels.map((name, i) => {
    const c = series.channels.findIndex((info) => info.name === name);
    if (c < 0) {
      throw new VigilArgumentError(
        `Expected --channels to name channels of the data (${series.channels.map((x) => x.name).join(", ")}) but received "${name}"`,
        { name: "channels" },
      );
    }
    return { title: name, lines: [{ name, y: series.values[c]!, color: PALETTE[i % PALETTE.length]! }] };
  });
  const chart: TimeChart = {
    title: input.title,
    seconds: Float64Array.from(series.timestamps, seconds),
    panels: [
      ...panels,
      {
        title: "anomaly score",
        lines: [
          { name: "score", y: scores.score, color: "#222" },
          {
            name: `threshold ${calibration.threshold.toPrecision(4)}`,
            y: calibration.threshold,
            color: "#d62728",
            dashed: true,
          },
        ],
      },
    ],
    spans: events.map((e, i) => ({
      start: seconds(e.first.timestamp),
      end: seconds(e.last.timestamp),
      label: `event ${i + 1}: ${formatTimestamp(e.first.timestamp)} to ${formatTimestamp(e.last.timestamp)}, onset ${formatTimestamp(e.onset.timestamp)}, peak ${e.peak.score.toPrecision(4)}, top channels ${e.ranking
        .slice(0, 3)
        .map((r) => `${r.channel} ${(100 * r.share).toFixed(0)}%`)
        .join(", ")}`,
    })),
  };
  return renderTimeChart(chart);
}
