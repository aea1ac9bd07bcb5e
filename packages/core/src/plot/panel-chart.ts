import { formatTimestamp } from "../time/index.ts";
import { expectNumber, fail } from "../validate/index.ts";
import { frameSvg, type PlotArea, xGridSvg, xLabelsSvg, yAxisSvg } from "./axes.ts";
import { type Band, bandSvg } from "./bands.ts";
import { type BarSeries, barEdges, stackedBarsSvg, stackTops } from "./bars.ts";
import { minMaxDecimate } from "./decimate.ts";
import { type LegendEntry, legendSvg } from "./legend.ts";
import { finiteExtent, linearScale, paddedDomain } from "./scale.ts";
import { checkSeriesLengths, type LineSeries, lineSeriesSvg } from "./series.ts";
import { element, svgDocument, textElement, titleElement } from "./svg-document.ts";
import { linearTicks, type Tick } from "./ticks.ts";
import { timeTicks } from "./time-ticks.ts";

/** One plot area of a chart: its own y axis over the chart's shared x axis. */
export interface ChartPanel {
  readonly title: string;
  readonly yLabel?: string;
  readonly lines?: readonly LineSeries[];
  /** Stacked in the order given. */
  readonly bars?: readonly BarSeries[];
  /** A fixed y range (e.g. [0, 1] for a precision); default: the data's, padded (from 0 with bars). */
  readonly yDomain?: readonly [number, number];
}

export interface ChartXAxis {
  /** "time": x is seconds since the Unix epoch, with UTC calendar ticks; "linear": plain numbers. */
  readonly kind: "time" | "linear";
  /** The axis title; for time the default is "time (UTC) from <first instant>". */
  readonly label?: string;
  /** Default: every line's and bar's x, unpadded. */
  readonly domain?: readonly [number, number];
}

/** Panels stacked over one shared x axis; bands shade the same x interval in all of them. */
export interface PanelChart {
  readonly title?: string;
  readonly x: ChartXAxis;
  readonly panels: readonly ChartPanel[];
  readonly bands?: readonly Band[];
  /** Pixels, at least 400 (the axis labels and legend take 240); default 960. */
  readonly width?: number;
  /** Pixels of each plot area; default 150. */
  readonly panelHeight?: number;
}

const MARGIN = { left: 70, right: 170, bottom: 50 };
/** Between panels: room for the next panel's title. */
const GAP = 28;

/**
 * The chart as a self-contained SVG file. Lines longer than about two points per pixel column are
 * thinned by min/max decimation, so a year of 1 Hz data stays a small file that still shows every
 * spike; missing values (NaN) break lines instead of being bridged.
 */
export function renderPanelChart(chart: PanelChart): string {
  const width = expectNumber("width", chart.width ?? 960, 400);
  const panelHeight = expectNumber("panelHeight", chart.panelHeight ?? 150, 40);
  if (chart.panels.length === 0) fail("panels", "at least one panel", chart.panels);
  const plotLeft = MARGIN.left;
  const plotRight = width - MARGIN.right;
  const firstTop = chart.title === undefined ? 24 : 44;
  const panelTop = (p: number) => firstTop + p * (panelHeight + GAP);
  const plotBottom = panelTop(chart.panels.length - 1) + panelHeight;
  const height = plotBottom + MARGIN.bottom;

  const allLines = chart.panels.flatMap((p) => p.lines ?? []);
  for (const line of allLines) checkSeriesLengths(line.name, line.x, line.y);
  const xExtent = finiteExtent([
    ...allLines.map((l) => l.x),
    ...chart.panels.map((p) => barEdges(p.bars ?? [])),
  ]);
  const xDomain: readonly [number, number] =
    chart.x.domain ??
    (xExtent === undefined ? [0, 1] : xExtent[0] < xExtent[1] ? xExtent : [xExtent[0] - 1, xExtent[1] + 1]);
  const X = linearScale(xDomain, [plotLeft, plotRight]);
  const tickCount = Math.max(2, Math.round((plotRight - plotLeft) / 130));
  const xTicks: Tick[] =
    chart.x.kind === "time"
      ? timeTicks(xDomain[0], xDomain[1], tickCount)
      : linearTicks(xDomain[0], xDomain[1], tickCount);

  const body: string[] = [];
  if (chart.title !== undefined) {
    body.push(
      textElement(
        { x: width / 2, y: 22, "text-anchor": "middle", "font-size": 14, "font-weight": "bold" },
        chart.title,
      ),
    );
  }
  const rows = chart.panels.map((_, p) => ({ top: panelTop(p), height: panelHeight }));
  body.push(...(chart.bands ?? []).map((band) => bandSvg(band, X, rows)));

  chart.panels.forEach((panel, p) => {
    const top = panelTop(p);
    // Decimate before the y extent: min/max thinning keeps every extreme, so the extent is unchanged.
    const lines = (panel.lines ?? []).map((line) => ({
      ...line,
      ...(line.markers ? { x: line.x, y: line.y } : minMaxDecimate(line.x, line.y, plotRight - plotLeft)),
    }));
    const bars = panel.bars ?? [];
    const yDomain =
      panel.yDomain ??
      paddedDomain(finiteExtent([...lines.map((l) => l.y), ...(bars.length > 0 ? [stackTops(bars)] : [])]), {
        fromZero: bars.length > 0,
      });
    const area: PlotArea = { x: X, y: linearScale(yDomain, [top + panelHeight, top]) };
    const yTicks = linearTicks(yDomain[0], yDomain[1], Math.max(2, Math.round(panelHeight / 40)));
    const legend: LegendEntry[] = [
      ...bars.map((b) => ({ name: b.name, color: b.color, swatch: "box" as const })),
      ...lines.map((l) => ({
        name: l.name,
        color: l.color,
        swatch: l.dashed ? ("dashed" as const) : ("line" as const),
      })),
    ];
    body.push(
      element(
        "g",
        { class: "panel" },
        titleElement(panel.title),
        textElement({ x: plotLeft, y: top - 6, "font-weight": "bold" }, panel.title),
        yAxisSvg(area, yTicks, panel.yLabel),
        xGridSvg(area, xTicks),
        stackedBarsSvg(bars, area.x, area.y),
        ...lines.map((line) => lineSeriesSvg(line, area.x, area.y)),
        frameSvg(area),
        legendSvg(legend, plotRight + 12, top + 14),
      ),
    );
  });

  const xTitle =
    chart.x.label ??
    (chart.x.kind === "time"
      ? `time (UTC) from ${formatTimestamp(BigInt(Math.round(xDomain[0] * 1e3)) * 1_000_000n)}`
      : undefined);
  body.push(xLabelsSvg(X, plotBottom, xTicks, xTitle));
  return svgDocument({ width, height, body });
}
