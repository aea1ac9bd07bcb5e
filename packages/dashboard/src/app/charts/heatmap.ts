import { el, fitCanvas } from "../dom.ts";
import { formatNumber, formatTime } from "../format.ts";
import { heatColor } from "./heat-scale.ts";
import { colors } from "./palette.ts";

export interface HeatmapData {
  readonly timestamps: readonly number[];
  readonly channels: readonly string[];
  /** values[c][i]: contribution of channel c at timestamps[i]. */
  readonly values: readonly (readonly number[])[];
}

export interface HeatmapOptions {
  /** Channel indices from top to bottom (the ranking order puts the culprits first). */
  readonly rowOrder: readonly number[];
  /** A vertical line at this time (the onset). */
  readonly marker?: number;
}

const labelWidth = 130;
const axisHeight = 22;
const rowHeight = 18;

/**
 * Contribution over time × channel on a canvas: one row per channel, one column per time step, colour from
 * zero to the largest contribution in the event. Hovering shows channel, time and value.
 */
export class Heatmap {
  readonly element: HTMLElement;
  private readonly canvas = el("canvas", { className: "heatmap", testId: "contribution-heatmap" });
  private readonly tooltip = el("div", { className: "tooltip", attrs: { hidden: "" } });
  private readonly resizeObserver: ResizeObserver;
  private readonly maxValue: number;

  constructor(
    private readonly data: HeatmapData,
    private readonly options: HeatmapOptions,
  ) {
    this.element = el("div", { className: "heatmap-wrap" }, [this.canvas, this.tooltip]);
    let max = 0;
    for (const row of data.values) for (const value of row) if (value > max) max = value;
    this.maxValue = max;
    this.canvas.addEventListener("mousemove", (event) => this.hover(event));
    this.canvas.addEventListener("mouseleave", () => this.tooltip.setAttribute("hidden", ""));
    // Drawn on the next frame: drawing sets the canvas height, which must not happen during the
    // observer's own delivery (the browser would report a "ResizeObserver loop").
    this.resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.draw()));
    this.resizeObserver.observe(this.element);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
  }

  private get columns(): number {
    return this.data.timestamps.length;
  }

  private draw(): void {
    const width = Math.max(300, this.element.clientWidth);
    const rows = this.options.rowOrder.length;
    const height = rows * rowHeight + axisHeight;
    this.canvas.style.height = `${height}px`;
    const context = fitCanvas(this.canvas, width, height);
    context.clearRect(0, 0, width, height);
    const plotWidth = width - labelWidth;
    const columnWidth = plotWidth / Math.max(1, this.columns);
    context.font = "12px system-ui, sans-serif";
    context.textBaseline = "middle";
    this.options.rowOrder.forEach((channel, row) => {
      const y = row * rowHeight;
      context.fillStyle = colors.text;
      context.textAlign = "right";
      context.fillText(
        this.data.channels[channel] ?? "?",
        labelWidth - 8,
        y + rowHeight / 2,
        labelWidth - 12,
      );
      const values = this.data.values[channel] ?? [];
      for (let i = 0; i < this.columns; i++) {
        const [r, g, b] = heatColor(this.maxValue > 0 ? (values[i] ?? 0) / this.maxValue : 0);
        context.fillStyle = `rgb(${r},${g},${b})`;
        // Overlap by a fraction of a pixel so adjacent cells leave no hairline gaps.
        context.fillRect(labelWidth + i * columnWidth, y, columnWidth + 0.5, rowHeight - 1);
      }
    });
    this.drawTimeAxis(context, rows * rowHeight, columnWidth);
    this.drawMarker(context, rows * rowHeight, columnWidth);
  }

  private drawTimeAxis(context: CanvasRenderingContext2D, top: number, columnWidth: number): void {
    const ticks = Math.min(5, this.columns);
    context.fillStyle = colors.muted;
    for (let k = 0; k < ticks; k++) {
      const i = ticks === 1 ? 0 : Math.round((k * (this.columns - 1)) / (ticks - 1));
      const time = this.data.timestamps[i];
      if (time === undefined) continue;
      // The outermost labels align inwards so they are not cut at the canvas edges.
      context.textAlign = k === 0 ? "left" : k === ticks - 1 ? "right" : "center";
      const x =
        k === 0
          ? labelWidth
          : k === ticks - 1
            ? labelWidth + this.columns * columnWidth
            : labelWidth + (i + 0.5) * columnWidth;
      context.fillText(formatTime(time).slice(11), x, top + axisHeight / 2);
    }
  }

  private drawMarker(context: CanvasRenderingContext2D, bottom: number, columnWidth: number): void {
    const marker = this.options.marker;
    if (marker === undefined || this.columns === 0) return;
    const index = this.data.timestamps.findIndex((t) => t >= marker);
    if (index < 0) return;
    const x = labelWidth + index * columnWidth;
    context.strokeStyle = colors.onset;
    context.lineWidth = 2;
    context.setLineDash([5, 3]);
    context.beginPath();
    context.moveTo(x, 0);
    context.lineTo(x, bottom);
    context.stroke();
    context.setLineDash([]);
  }

  private hover(event: MouseEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const column = Math.floor(((x - labelWidth) / (rect.width - labelWidth)) * this.columns);
    const channel = this.options.rowOrder[Math.floor(y / rowHeight)];
    const time = this.data.timestamps[column];
    if (x < labelWidth || channel === undefined || time === undefined) {
      this.tooltip.setAttribute("hidden", "");
      return;
    }
    const value = this.data.values[channel]?.[column];
    this.tooltip.textContent = `${this.data.channels[channel]} · ${formatTime(time).slice(11)} · ${formatNumber(value, 3)}`;
    this.tooltip.style.left = `${Math.min(x + 12, rect.width - 220)}px`;
    this.tooltip.style.top = `${y + 12}px`;
    this.tooltip.removeAttribute("hidden");
  }
}
