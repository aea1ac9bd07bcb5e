import type { LinearScale } from "./scale.ts";
import { element, textElement } from "./svg-document.ts";
import type { Tick } from "./ticks.ts";

/** A plot area: x maps onto [left, right], y onto [bottom, top] (pixels grow downwards). */
export interface PlotArea {
  readonly x: LinearScale;
  readonly y: LinearScale;
}

const bounds = ({ x, y }: PlotArea) => ({
  left: Math.min(...x.range),
  right: Math.max(...x.range),
  top: Math.min(...y.range),
  bottom: Math.max(...y.range),
});

/** The frame around the plot area. */
export function frameSvg(area: PlotArea): string {
  const { left, right, top, bottom } = bounds(area);
  return element("rect", {
    x: left,
    y: top,
    width: right - left,
    height: bottom - top,
    fill: "none",
    stroke: "#444",
  });
}

/** Horizontal grid lines at the y ticks, their labels left of the frame, and the rotated axis title. */
export function yAxisSvg(area: PlotArea, ticks: readonly Tick[], title?: string): string {
  const { left, right, top, bottom } = bounds(area);
  const parts = ticks.flatMap(({ value, label }) => [
    element("line", { x1: left - 4, x2: right, y1: area.y(value), y2: area.y(value), stroke: "#ddd" }),
    textElement({ x: left - 6, y: area.y(value) + 4, "text-anchor": "end" }, label),
  ]);
  if (title !== undefined) {
    const middle = (top + bottom) / 2;
    parts.push(
      textElement({ transform: `translate(14 ${middle}) rotate(-90)`, "text-anchor": "middle" }, title),
    );
  }
  return parts.join("");
}

/** Vertical grid lines at the x ticks, with a tick mark below the frame. */
export function xGridSvg(area: PlotArea, ticks: readonly Tick[]): string {
  const { top, bottom } = bounds(area);
  return ticks
    .map(({ value }) =>
      element("line", { x1: area.x(value), x2: area.x(value), y1: top, y2: bottom + 4, stroke: "#eee" }),
    )
    .join("");
}

/** The x tick labels under `bottom` (of the lowest frame, when panels share the axis), then the axis title. */
export function xLabelsSvg(x: LinearScale, bottom: number, ticks: readonly Tick[], title?: string): string {
  const [left, right] = x.range;
  const parts = ticks.map(({ value, label }) =>
    textElement({ x: x(value), y: bottom + 18, "text-anchor": "middle" }, label),
  );
  if (title !== undefined) {
    parts.push(textElement({ x: (left + right) / 2, y: bottom + 40, "text-anchor": "middle" }, title));
  }
  return parts.join("");
}
