import { fitCanvas } from "../dom.ts";
import { colors } from "./palette.ts";

/**
 * CSS size of a sparkline (app.css sets the same): fixed, because reading it back from the element would
 * force a layout for every row on every frame.
 */
export const sparklineSize = { width: 140, height: 28 } as const;

/**
 * Draws a score history as a small line with its threshold dashed, red when the latest score is at or
 * above the threshold. Values go through asinh, as on the asset page's score axis, so one large peak does
 * not flatten the rest; each pixel column shows the largest score that falls in it, so a brief crossing
 * is never lost to thinning. Canvas rather than SVG: fifty of these redraw ten times a second.
 */
export function drawSparkline(
  canvas: HTMLCanvasElement,
  values: readonly (number | null)[],
  threshold: number | undefined,
): void {
  const { width, height } = sparklineSize;
  const context = fitCanvas(canvas, width, height);
  context.clearRect(0, 0, width, height);
  const columns = columnMaxima(values, width);
  let min = threshold === undefined ? Number.POSITIVE_INFINITY : Math.asinh(threshold);
  let max = threshold === undefined ? Number.NEGATIVE_INFINITY : Math.asinh(threshold);
  for (const value of columns) {
    if (value === null) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const last = values.findLast((value) => value !== null);
  if (last === undefined || last === null) return;
  if (max - min < 1e-9) {
    min -= 1;
    max += 1;
  }
  const pad = 2;
  const y = (value: number): number => pad + (height - 2 * pad) * (1 - (value - min) / (max - min));
  const step = columns.length > 1 ? width / (columns.length - 1) : 0;
  if (threshold !== undefined) {
    context.strokeStyle = colors.threshold;
    context.globalAlpha = 0.7;
    context.setLineDash([3, 3]);
    context.beginPath();
    context.moveTo(0, y(Math.asinh(threshold)));
    context.lineTo(width, y(Math.asinh(threshold)));
    context.stroke();
    context.setLineDash([]);
    context.globalAlpha = 1;
  }
  context.strokeStyle = threshold !== undefined && last >= threshold ? colors.alarm : colors.score;
  context.lineWidth = 1.25;
  context.beginPath();
  let drawing = false;
  columns.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    if (drawing) context.lineTo(i * step, y(value));
    else context.moveTo(i * step, y(value));
    drawing = true;
  });
  context.stroke();
}

/** asinh of the largest value per column when there are more values than columns; gaps stay null. */
export function columnMaxima(values: readonly (number | null)[], columns: number): (number | null)[] {
  if (values.length <= columns) return values.map((value) => (value === null ? null : Math.asinh(value)));
  const out: (number | null)[] = new Array(columns).fill(null);
  values.forEach((value, i) => {
    if (value === null) return;
    const column = Math.floor((i * columns) / values.length);
    const scaled = Math.asinh(value);
    const current = out[column];
    if (current === null || current === undefined || scaled > current) out[column] = scaled;
  });
  return out;
}
