import type { LinearScale } from "./scale.ts";
import { element, titleElement } from "./svg-document.ts";

/** A shaded x interval (an event, an anomaly window), optionally with a tooltip. */
export interface Band {
  readonly start: number;
  readonly end: number;
  /** The tooltip. */
  readonly label?: string;
  /** Element id and class of the band's group, so a report or a test can find it. */
  readonly id?: string;
  readonly className?: string;
  /** Default a translucent orange-red that leaves the lines under it readable. */
  readonly color?: string;
  readonly opacity?: number;
}

/** A vertical strip in the plot area. */
export interface BandRow {
  readonly top: number;
  readonly height: number;
}

/**
 * The band as one group with a rectangle in each row (stacked panels share it), clipped to the x
 * domain and at least a pixel wide so a one-sample event stays visible; nothing when outside.
 */
export function bandSvg(band: Band, X: LinearScale, rows: readonly BandRow[]): string {
  const [d0, d1] = X.domain;
  const lo = Math.max(Math.min(band.start, band.end), Math.min(d0, d1));
  const hi = Math.min(Math.max(band.start, band.end), Math.max(d0, d1));
  if (!(lo <= hi)) return "";
  const left = Math.min(X(lo), X(hi));
  const width = Math.max(1, Math.abs(X(hi) - X(lo)));
  const rects = rows.map((row) =>
    element("rect", {
      x: left,
      y: row.top,
      width,
      height: row.height,
      fill: band.color ?? "#e4572e",
      "fill-opacity": band.opacity ?? 0.18,
    }),
  );
  const tooltip = band.label === undefined ? [] : [titleElement(band.label)];
  return element("g", { class: band.className ?? "band", id: band.id }, ...tooltip, ...rects);
}
