import { formatTimestamp } from "@vigil/core/time";
import { minMaxDecimate } from "./decimate.ts";
import { formatTick, niceTicks, timeTicks } from "./ticks.ts";

/** A line over the chart's shared time axis, or a horizontal level (e.g. a threshold) when `y` is a number. */
export interface ChartLine {
  readonly name: string;
  readonly y: ArrayLike<number> | number;
  readonly color: string;
  readonly dashed?: boolean;
}

export interface ChartPanel {
  readonly title: string;
  readonly lines: readonly ChartLine[];
}

/** A shaded time span across every panel (an event), with a tooltip. */
export interface ChartSpan {
  /** Seconds since the Unix epoch. */
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export interface TimeChart {
  readonly title: string;
  /** The shared x values: seconds since the Unix epoch, ascending. */
  readonly seconds: ArrayLike<number>;
  readonly panels: readonly ChartPanel[];
  readonly spans: readonly ChartSpan[];
}

const WIDTH = 960;
const PANEL_HEIGHT = 150;
const GAP = 28;
const MARGIN = { left: 70, right: 150, top: 40, bottom: 50 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const f1 = (v: number): string => v.toFixed(1);

function yExtent(lines: readonly { y: number[] }[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const { y } of lines)
    for (const v of y) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  if (lo === Number.POSITIVE_INFINITY) return [0, 1];
  const pad = hi > lo ? 0.05 * (hi - lo) : Math.max(1, Math.abs(lo)) * 0.5;
  return [lo - pad, hi + pad];
}

/** "M x,y L x,y ..." with a new "M" after every gap (NaN), so missing data is not bridged. */
function pathData(
  x: readonly number[],
  y: readonly number[],
  X: (v: number) => number,
  Y: (v: number) => number,
) {
  let d = "";
  let pen = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i]!)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${f1(X(x[i]!))},${f1(Y(y[i]!))}`;
    pen = true;
  }
  return d;
}

/**
 * Panels stacked over one UTC time axis, each with its own y axis, round ticks, a legend, and the
 * spans shaded across all of them. Long lines are thinned to about two points per pixel column by
 * min/max decimation, so a year of 1 Hz data stays a small file that still shows every spike.
 * Self-contained SVG 1.1 (no scripts, no external references).
 */
export function renderTimeChart(chart: TimeChart): string {
  const x = chart.seconds;
  const start = x.length > 0 ? x[0]! : 0;
  const end = x.length > 0 ? x[x.length - 1]! : 1;
  const span = end > start ? end - start : 1;
  const X = (s: number) => MARGIN.left + ((s - start) / span) * PLOT_WIDTH;
  const height = MARGIN.top + chart.panels.length * (PANEL_HEIGHT + GAP) - GAP + MARGIN.bottom;
  const parts: string[] = [
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(chart.title)}</text>`,
  ];
  const ticks = timeTicks(start, end);

  chart.panels.forEach((panel, p) => {
    const top = MARGIN.top + p * (PANEL_HEIGHT + GAP);
    const lines = panel.lines.map((line) =>
      typeof line.y === "number"
        ? { line, x: [start, end], y: [line.y, line.y] }
        : { line, ...minMaxDecimate(x, line.y, PLOT_WIDTH) },
    );
    const [y0, y1] = yExtent(lines);
    const Y = (v: number) => top + PANEL_HEIGHT - ((v - y0) / (y1 - y0)) * PANEL_HEIGHT;
    parts.push(`<g class="panel"><title>${escapeXml(panel.title)}</title>`);
    parts.push(
      `<text x="${MARGIN.left}" y="${top - 6}" font-weight="bold">${escapeXml(panel.title)}</text>`,
      `<rect x="${MARGIN.left}" y="${top}" width="${PLOT_WIDTH}" height="${PANEL_HEIGHT}" fill="none" stroke="#444"/>`,
    );
    const yTicks = niceTicks(y0, y1, 4);
    const yStep = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : Math.abs(yTicks[0]!) || 1;
    for (const v of yTicks) {
      parts.push(
        `<line x1="${MARGIN.left - 4}" x2="${MARGIN.left + PLOT_WIDTH}" y1="${f1(Y(v))}" y2="${f1(Y(v))}" stroke="#ddd"/>`,
        `<text x="${MARGIN.left - 6}" y="${f1(Y(v) + 4)}" text-anchor="end">${formatTick(v, yStep)}</text>`,
      );
    }
    for (const t of ticks) {
      parts.push(
        `<line x1="${f1(X(t.seconds))}" x2="${f1(X(t.seconds))}" y1="${top}" y2="${top + PANEL_HEIGHT + 4}" stroke="#eee"/>`,
      );
    }
    lines.forEach(({ line, x: lx, y: ly }, i) => {
      parts.push(
        `<path d="${pathData(lx, ly, X, Y)}" fill="none" stroke="${line.color}" stroke-width="1.2"${line.dashed ? ' stroke-dasharray="6,4"' : ""}/>`,
        `<text x="${MARGIN.left + PLOT_WIDTH + 8}" y="${top + 14 + 14 * i}" fill="${line.color}">${escapeXml(line.name)}</text>`,
      );
    });
    parts.push("</g>");
  });

  const bottom = MARGIN.top + chart.panels.length * (PANEL_HEIGHT + GAP) - GAP;
  for (const t of ticks) {
    parts.push(
      `<text x="${f1(X(t.seconds))}" y="${bottom + 18}" text-anchor="middle">${escapeXml(t.label)}</text>`,
    );
  }
  parts.push(
    `<text x="${MARGIN.left + PLOT_WIDTH / 2}" y="${bottom + 40}" text-anchor="middle">time (UTC) from ${formatTimestamp(BigInt(Math.round(start * 1e3)) * 1_000_000n)}</text>`,
  );
  chart.spans.forEach((s, i) => {
    const left = X(Math.max(s.start, start));
    const width = Math.max(1, X(Math.min(s.end, end)) - left);
    const rects = chart.panels.map(
      (_, p) =>
        `<rect x="${f1(left)}" y="${MARGIN.top + p * (PANEL_HEIGHT + GAP)}" width="${f1(width)}" height="${PANEL_HEIGHT}" fill="#e4572e" fill-opacity="0.18"/>`,
    );
    parts.push(
      `<g class="event" id="event-${i + 1}"><title>${escapeXml(s.label)}</title>${rects.join("")}</g>`,
    );
  });

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
