import { VigilArgumentError } from "../errors/index.ts";
import type { LinearScale } from "./scale.ts";
import { element, svgNumber } from "./svg-document.ts";

/** A line over x; NaN (or any non-finite) y is missing data and breaks the line. */
export interface LineSeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly color: string;
  readonly dashed?: boolean;
  /**
   * "linear" joins points; "step" holds each value until the next x (a change-only signal, a
   * count per interval). Default "linear".
   */
  readonly curve?: "linear" | "step";
  /** Also mark every point with a dot (few points: an operating point, a sparse series). */
  readonly markers?: boolean;
}

/** Throws when a series' x and y differ in length, naming the series. */
export function checkSeriesLengths(name: string, x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new VigilArgumentError(
      `Expected as many y as x values for series "${name}" but received ${y.length} y and ${x.length} x values`,
      { name: "y" },
    );
  }
}

const point = (X: LinearScale, Y: LinearScale, x: number, y: number) =>
  `${svgNumber(X(x))},${svgNumber(Y(y))}`;

/** SVG path data; a new subpath ("M") starts after every gap so missing data is never bridged. */
export function seriesPath(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  X: LinearScale,
  Y: LinearScale,
  curve: "linear" | "step" = "linear",
): string {
  let d = "";
  let pen = false;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i]!) || !Number.isFinite(x[i]!)) {
      pen = false;
      continue;
    }
    if (!pen) d += `M${point(X, Y, x[i]!, y[i]!)}`;
    else if (curve === "step") d += `H${svgNumber(X(x[i]!))}V${svgNumber(Y(y[i]!))}`;
    else d += `L${point(X, Y, x[i]!, y[i]!)}`;
    pen = true;
    // A step holds its last value up to the next x, even when that next point is missing.
    if (curve === "step" && i + 1 < x.length && !Number.isFinite(y[i + 1]!) && Number.isFinite(x[i + 1]!)) {
      d += `H${svgNumber(X(x[i + 1]!))}`;
    }
  }
  return d;
}

/** The series as a `<path>` (and its dots). Thin long series with `minMaxDecimate` first. */
export function lineSeriesSvg(series: LineSeries, X: LinearScale, Y: LinearScale): string {
  checkSeriesLengths(series.name, series.x, series.y);
  const path = element("path", {
    d: seriesPath(series.x, series.y, X, Y, series.curve),
    fill: "none",
    stroke: series.color,
    "stroke-width": 1.2,
    "stroke-dasharray": series.dashed ? "6,4" : undefined,
  });
  if (!series.markers) return path;
  const dots: string[] = [];
  for (let i = 0; i < series.x.length; i++) {
    if (!Number.isFinite(series.y[i]!)) continue;
    dots.push(element("circle", { cx: X(series.x[i]!), cy: Y(series.y[i]!), r: 3.5, fill: series.color }));
  }
  return path + dots.join("");
}
