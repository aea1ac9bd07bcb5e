import uPlot from "uplot";
import { colors } from "./palette.ts";
import { timeTickLabels } from "./time-ticks.ts";

export interface TimeSeriesSpec {
  readonly label: string;
  readonly color: string;
  readonly width?: number;
  readonly dash?: number[];
  readonly show?: boolean;
}

/** A shaded time span, e.g. an event from start to end; `emphasis` draws it stronger (an open event). */
export interface Band {
  readonly start: number;
  readonly end: number;
  readonly emphasis: boolean;
}

export interface TimeChartOptions {
  readonly container: HTMLElement;
  readonly height: number;
  readonly series: readonly TimeSeriesSpec[];
  /** Charts with the same key share the cursor (hover one, read the others at the same time). */
  readonly syncKey?: string;
  /** The visible time range in ms; when it returns undefined the range follows the data. */
  readonly xRange?: () => readonly [number, number] | undefined;
  readonly bands?: () => readonly Band[];
  /** Vertical lines at these times (an event's onset). */
  readonly markers?: () => readonly number[];
  /** Dotted vertical lines in another colour at these times (where an event's score changed phase). */
  readonly phaseMarkers?: () => readonly number[];
  /**
   * "asinh": linear near zero and logarithmic beyond, for anomaly scores, whose peaks can be a hundred
   * times the threshold; on a linear axis the threshold would then sit flat against the baseline.
   */
  readonly yScale?: "linear" | "asinh";
  /** A drag across the plot selected this time range (the chart does not zoom by itself). */
  readonly onSelectRange?: (from: number, to: number) => void;
}

const axisStyle: uPlot.Axis = {
  stroke: colors.axis,
  grid: { stroke: colors.grid, width: 1 },
  ticks: { stroke: colors.grid, width: 1 },
};

/**
 * A uPlot time-series chart in ms, styled for the dark theme, that fills its container's width, shades
 * bands behind the lines and reports drag selections to its owner, who decides what range to show (and
 * may need to fetch it first).
 */
export class TimeChart {
  readonly plot: uPlot;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly options: TimeChartOptions) {
    const settings: uPlot.Options = {
      width: Math.max(200, options.container.clientWidth),
      height: options.height,
      ms: 1,
      pxAlign: 0,
      cursor: {
        drag: { x: options.onSelectRange !== undefined, y: false, setScale: false },
        ...(options.syncKey ? { sync: { key: options.syncKey } } : {}),
      },
      scales: {
        x: {
          time: true,
          range: (_plot, min, max) => {
            const fixed = options.xRange?.();
            return fixed ? [fixed[0], fixed[1]] : [min, max];
          },
        },
        ...(options.yScale === "asinh" ? { y: { distr: 4, asinh: 1 } } : {}),
      },
      axes: [
        {
          ...axisStyle,
          // Room for the widest label ("11-24 19:58:45") so neighbouring labels never touch.
          space: 100,
          values: (_plot, ticks, _axis, _space, increment) => timeTickLabels(ticks, increment),
        },
        { ...axisStyle, size: 56 },
      ],
      legend: { show: true, live: true },
      series: [
        {},
        ...options.series.map(
          (spec): uPlot.Series => ({
            label: spec.label,
            stroke: spec.color,
            width: spec.width ?? 1.25,
            show: spec.show ?? true,
            spanGaps: false,
            points: { show: false },
            ...(spec.dash ? { dash: spec.dash } : {}),
          }),
        ),
      ],
      hooks: {
        drawClear: [(plot) => this.drawBands(plot)],
        draw: [(plot) => this.drawMarkers(plot)],
        setSelect: [(plot) => this.reportSelection(plot)],
      },
    };
    const empty: uPlot.AlignedData = [[], ...options.series.map(() => [])];
    this.plot = new uPlot(settings, empty, options.container);
    // Resizing inside the observer's callback would change layout during its delivery (the browser then
    // reports a "ResizeObserver loop"); the next animation frame is soon enough.
    this.resizeObserver = new ResizeObserver(() => {
      requestAnimationFrame(() => {
        const width = Math.max(200, options.container.clientWidth);
        if (width !== this.plot.width) this.plot.setSize({ width, height: options.height });
      });
    });
    this.resizeObserver.observe(options.container);
  }

  /** [times, series1, series2, ...] with times ascending in ms. */
  setData(data: uPlot.AlignedData): void {
    this.plot.setData(data);
  }

  /** Re-applies the x range (after the owner changed what xRange returns) without new data. */
  refreshRange(): void {
    const range = this.options.xRange?.();
    if (range) this.plot.setScale("x", { min: range[0], max: range[1] });
  }

  setSeriesVisible(index: number, show: boolean): void {
    this.plot.setSeries(index + 1, { show });
  }

  /** Redraws overlays (bands, markers) whose source changed. */
  redraw(): void {
    this.plot.redraw(false, false);
  }

  get widthPx(): number {
    return this.plot.bbox.width / (window.devicePixelRatio || 1);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.plot.destroy();
  }

  private drawBands(plot: uPlot): void {
    const bands = this.options.bands?.() ?? [];
    if (bands.length === 0) return;
    const { left, top, width, height } = plot.bbox;
    const context = plot.ctx;
    context.save();
    for (const band of bands) {
      const x0 = Math.max(left, plot.valToPos(band.start, "x", true));
      const x1 = Math.min(left + width, plot.valToPos(band.end, "x", true));
      if (!(x1 > x0 - 2)) continue;
      context.fillStyle = band.emphasis ? colors.eventBandOpen : colors.eventBand;
      // An event still being measured may have end == start: keep it visible as a thin band.
      context.fillRect(x0, top, Math.max(2, x1 - x0), height);
    }
    context.restore();
  }

  private drawMarkers(plot: uPlot): void {
    this.drawLines(plot, this.options.markers?.() ?? [], colors.onset, [6, 4]);
    this.drawLines(plot, this.options.phaseMarkers?.() ?? [], colors.phase, [2, 3]);
  }

  private drawLines(plot: uPlot, times: readonly number[], color: string, dash: number[]): void {
    if (times.length === 0) return;
    const { left, top, width, height } = plot.bbox;
    const context = plot.ctx;
    context.save();
    context.strokeStyle = color;
    context.lineWidth = 1.5 * (window.devicePixelRatio || 1);
    context.setLineDash(dash);
    for (const time of times) {
      const x = plot.valToPos(time, "x", true);
      if (x < left || x > left + width) continue;
      context.beginPath();
      context.moveTo(x, top);
      context.lineTo(x, top + height);
      context.stroke();
    }
    context.restore();
  }

  private reportSelection(plot: uPlot): void {
    const { left, width } = plot.select;
    if (width < 3 || !this.options.onSelectRange) return;
    const from = plot.posToVal(left, "x");
    const to = plot.posToVal(left + width, "x");
    plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    this.options.onSelectRange(from, to);
  }
}
