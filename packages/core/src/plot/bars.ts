import { VigilArgumentError } from "../errors/index.ts";
import type { LinearScale } from "./scale.ts";
import { element } from "./svg-document.ts";

/** Bars of one kind; several are stacked in the order given. */
export interface BarSeries {
  readonly name: string;
  /** Left edges; every bar is `width` wide. */
  readonly x: ArrayLike<number>;
  readonly height: ArrayLike<number>;
  readonly width: number;
  readonly color: string;
}

function checkBars(bars: BarSeries): void {
  if (bars.x.length !== bars.height.length) {
    throw new VigilArgumentError(
      `Expected as many heights as x values for bars "${bars.name}" but received ${bars.height.length} heights and ${bars.x.length} x values`,
      { name: "height" },
    );
  }
}

/** Top of each stack (bar i of every series stacks at position i), for the y extent. */
export function stackTops(bars: readonly BarSeries[]): number[] {
  const tops: number[] = [];
  for (const b of bars) {
    checkBars(b);
    for (let i = 0; i < b.x.length; i++)
      tops[i] = (tops[i] ?? 0) + (Number.isFinite(b.height[i]!) ? b.height[i]! : 0);
  }
  return tops;
}

/** The x extent the bars cover, left edge to right edge. */
export function barEdges(bars: readonly BarSeries[]): number[] {
  return bars.flatMap((b) => Array.from(b.x, (x) => [x, x + b.width]).flat());
}

/** Stacked bars, a pixel apart; zero and missing heights draw nothing. */
export function stackedBarsSvg(bars: readonly BarSeries[], X: LinearScale, Y: LinearScale): string {
  const base: number[] = [];
  const parts: string[] = [];
  for (const b of bars) {
    checkBars(b);
    for (let i = 0; i < b.x.length; i++) {
      const below = base[i] ?? 0;
      const v = b.height[i]!;
      if (!(v > 0)) continue;
      const left = X(b.x[i]!);
      parts.push(
        element("rect", {
          x: left,
          y: Y(below + v),
          width: Math.max(1, X(b.x[i]! + b.width) - left - 1),
          height: Y(below) - Y(below + v),
          fill: b.color,
        }),
      );
      base[i] = below + v;
    }
  }
  return parts.join("");
}
