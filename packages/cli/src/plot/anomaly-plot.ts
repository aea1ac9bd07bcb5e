import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";
import { type ChartPanel, renderPanelChart } from "@vigil/core/plot";
import { formatTimestamp } from "@vigil/core/time";
import type { ModelCalibration, ScoredEvent, ScoreResult } from "@vigil/detect";

const PALETTE = ["#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];

export interface AnomalyPlotInput {
  readonly title: string;
  readonly series: Series;
  readonly scores: Pick<ScoreResult, "score">;
  readonly calibration: Pick<ModelCalibration, "threshold">;
  readonly events: readonly ScoredEvent[];
  /** Signals to draw, one panel each, above the score panel. */
  readonly channels: readonly string[];
}

const seconds = (ns: bigint) => Number(ns) / 1e9;

function eventLabel(e: ScoredEvent, i: number): string {
  const top = e.ranking
    .slice(0, 3)
    .map((r) => `${r.channel} ${(100 * r.share).toFixed(0)}%`)
    .join(", ");
  return `event ${i + 1}: ${formatTimestamp(e.first.timestamp)} to ${formatTimestamp(e.last.timestamp)}, onset ${formatTimestamp(e.onset.timestamp)}, peak ${e.peak.score.toPrecision(4)}, top channels ${top}`;
}

/**
 * SVG of the chosen signals, then the score with its threshold and each event's phase changes, each event shaded
 * across all panels.
 */
export function anomalyPlot(input: AnomalyPlotInput): string {
  const { series, scores, calibration, events } = input;
  const x = Float64Array.from(series.timestamps, seconds);
  const signals: ChartPanel[] = input.channels.map((name, i) => {
    const c = series.channels.findIndex((info) => info.name === name);
    if (c < 0) {
      throw new VigilArgumentError(
        `Expected --channels to name channels of the data (${series.channels.map((x) => x.name).join(", ")}) but received "${name}"`,
        { name: "channels" },
      );
    }
    return { title: name, lines: [{ name, x, y: series.values[c]!, color: PALETTE[i % PALETTE.length]! }] };
  });
  const span = x.length > 0 ? [x[0]!, x[x.length - 1]!] : [];
  // Each phase change a lone dot on the score: a NaN after every point keeps the dots unjoined.
  const phases = events.flatMap((e) => e.phases.map((p) => p.step));
  const phaseDots: ChartPanel["lines"] =
    phases.length === 0
      ? []
      : [
          {
            name: "score phase changes",
            x: phases.flatMap((i) => [x[i]!, x[i]!]),
            y: phases.flatMap((i) => [scores.score[i]!, Number.NaN]),
            color: "#ff7f0e",
            markers: true,
          },
        ];
  return renderPanelChart({
    title: input.title,
    x: { kind: "time" },
    panels: [
      ...signals,
      {
        title: "anomaly score",
        lines: [
          { name: "score", x, y: scores.score, color: "#222" },
          {
            name: `threshold ${calibration.threshold.toPrecision(4)}`,
            x: span,
            y: span.map(() => calibration.threshold),
            color: "#d62728",
            dashed: true,
          },
          ...phaseDots,
        ],
      },
    ],
    bands: events.map((e, i) => ({
      start: seconds(e.first.timestamp),
      end: seconds(e.last.timestamp),
      label: eventLabel(e, i),
      id: `event-${i + 1}`,
      className: "event",
    })),
  });
}
