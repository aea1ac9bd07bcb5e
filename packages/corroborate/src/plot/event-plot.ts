import type { Series } from "@vigil/core";
import { type LineSeries, renderPanelChart } from "@vigil/core/plot";
import type { ChangeOnlySignal } from "@vigil/core/rolling";
import type { TimeWindow } from "../confirm/window-maxima.ts";

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"];
/** Seconds shown after the candidate's end. */
const AFTER_END = 2;
/** Dispersive BPM readings at or above this are saturated, not energy deviations. */
const SATURATED = 100;

export interface EventPlotOptions {
  readonly title: string;
  readonly diagnostic: ChangeOnlySignal;
  readonly diagnosticName: string;
  readonly beam: Series;
  readonly window: TimeWindow;
  /** Where the view starts, in seconds relative to the window's end (negative). */
  readonly fromSeconds: number;
}

/**
 * The change-only diagnostic as steps over the view: the report in force when the view opens, each
 * report in view, and the last value held to the view's end (an archived value holds until the next).
 */
function diagnosticSteps(
  name: string,
  signal: ChangeOnlySignal,
  rel: (t: bigint) => number,
  from: number,
): LineSeries {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < signal.values.length; i++) {
    const t = rel(signal.timestampsNs[i]!);
    const v = signal.values[i]!;
    if (Number.isNaN(v) || t > AFTER_END) continue;
    if (t < from) {
      x[0] = from;
      y[0] = v;
    } else {
      x.push(t);
      y.push(v);
    }
  }
  if (y.length > 0) {
    x.push(AFTER_END);
    y.push(y[y.length - 1]!);
  }
  return { name, x, y, color: "#c0392b", curve: "step" };
}

/**
 * Figures 4-5: the station's diagnostic, the energy deviation (dispersive positions) and TMIT around a
 * candidate on one time axis, the implied anomaly window shaded; times in seconds relative to the
 * window's end.
 */
export function eventSvg(options: EventPlotOptions): string {
  const { beam, window, fromSeconds } = options;
  const rel = (t: bigint): number => Number(t - window.end) / 1e9;
  const rows = Array.from(beam.timestamps.keys()).filter((i) => {
    const t = rel(beam.timestamps[i]!);
    return t >= fromSeconds && t <= AFTER_END;
  });
  const x = rows.map((i) => rel(beam.timestamps[i]!));
  const beamLines = (tmit: boolean): LineSeries[] =>
    beam.channels
      .map((c, k) => ({ c, k }))
      .filter(({ c }) => c.name.endsWith(":TMIT") === tmit)
      .map(({ c, k }, j) => ({
        name: c.name,
        x,
        y: rows.map((i) => {
          const v = beam.values[k]![i]!;
          return !tmit && v >= SATURATED ? Number.NaN : v;
        }),
        color: COLORS[j % COLORS.length]!,
      }));
  return renderPanelChart({
    title: options.title,
    x: { kind: "linear", label: "seconds relative to the candidate's end", domain: [fromSeconds, AFTER_END] },
    panels: [
      {
        title: options.diagnosticName,
        yLabel: options.diagnosticName,
        lines: [diagnosticSteps(options.diagnosticName, options.diagnostic, rel, fromSeconds)],
      },
      {
        title: "energy deviation (dispersive BPM positions)",
        yLabel: "energy-loss units",
        lines: beamLines(false),
      },
      { title: "TMIT", yLabel: "electrons", lines: beamLines(true) },
    ],
    bands: [
      {
        start: rel(window.start),
        end: 0,
        label: "implied anomaly window",
        className: "anomaly-window",
        color: "#888",
        opacity: 0.25,
      },
    ],
  });
}
