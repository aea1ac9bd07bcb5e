import { element, textElement } from "./svg-document.ts";

export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  /** A line sample (dashed if the line is) or a filled box (bars). */
  readonly swatch: "line" | "dashed" | "box";
}

const ROW = 14;

/** One row per entry from (x, y) down: a swatch, then the name in the entry's colour. */
export function legendSvg(entries: readonly LegendEntry[], x: number, y: number): string {
  return entries
    .map((entry, i) => {
      const middle = y + i * ROW - 4;
      const swatch =
        entry.swatch === "box"
          ? element("rect", { x, y: middle - 4, width: 14, height: 8, fill: entry.color })
          : element("line", {
              x1: x,
              x2: x + 14,
              y1: middle,
              y2: middle,
              stroke: entry.color,
              "stroke-width": 2,
              "stroke-dasharray": entry.swatch === "dashed" ? "4,2" : undefined,
            });
      return swatch + textElement({ x: x + 18, y: y + i * ROW, fill: entry.color }, entry.name);
    })
    .join("");
}
