/** A tiny SVG chart writer: stacked panels of lines, shaded spans and (stacked) bars. No dependencies. */

export interface Line {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly color: string;
  readonly dashed?: boolean;
}

export interface Bars {
  readonly name: string;
  /** Bar left edges; every bar is `width` wide. */
  readonly x: ArrayLike<number>;
  readonly height: ArrayLike<number>;
  readonly width: number;
  readonly color: string;
}

export interface Panel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly lines?: readonly Line[];
  /** Stacked on each other in the order given. */
  readonly bars?: readonly Bars[];
  /** Shaded x spans (e.g. the implied anomaly window). */
  readonly shade?: ReadonlyArray<readonly [number, number]>;
}

const WIDTH = 760;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 70, right: 20, top: 30, bottom: 45 };
/** Lines longer than this are thinned to it (min and max of each bucket are kept, so spikes survive). */
const MAX_POINTS = 4000;

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmt = (v: number): string =>
  Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2) ? v.toExponential(1) : `${+v.toFixed(3)}`;

function extent(values: number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  return [lo, hi];
}

function thin(line: Line): Array<[number, number]> {
  const n = line.x.length;
  const step = Math.max(1, Math.ceil(n / (MAX_POINTS / 2)));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n; i += step) {
    let lo = i;
    let hi = i;
    for (let j = i; j < Math.min(n, i + step); j++) {
      if (line.y[j]! < line.y[lo]!) lo = j;
      if (line.y[j]! > line.y[hi]!) hi = j;
    }
    for (const k of lo <= hi ? [lo, hi] : [hi, lo]) out.push([line.x[k]!, line.y[k]!]);
  }
  return out;
}

function panelSvg(panel: Panel, top: number): string {
  const lines = (panel.lines ?? []).map((l) => ({ line: l, points: thin(l) }));
  const stackTops: number[] = [];
  for (const b of panel.bars ?? [])
    for (let i = 0; i < b.x.length; i++) stackTops[i] = (stackTops[i] ?? 0) + b.height[i]!;
  const xs = [
    ...lines.flatMap((l) => l.points.map((p) => p[0])),
    ...(panel.bars ?? []).flatMap((b) => Array.from(b.x, (x) => [x, x + b.width]).flat()),
  ];
  const ys = [...lines.flatMap((l) => l.points.map((p) => p[1])), ...stackTops, ...(panel.bars ? [0] : [])];
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const X = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * w;
  const Y = (y: number): number => top + MARGIN.top + h - ((y - y0) / (y1 - y0)) * h;
  const parts: string[] = [];
  for (const [a, b] of panel.shade ?? []) {
    parts.push(
      `<rect x="${X(a).toFixed(1)}" y="${Y(y1).toFixed(1)}" width="${(X(b) - X(a)).toFixed(1)}" height="${h}" fill="#bbb" opacity="0.5"/>`,
    );
  }
  const base: number[] = [];
  for (const b of panel.bars ?? []) {
    for (let i = 0; i < b.x.length; i++) {
      const below = base[i] ?? 0;
      const v = b.height[i]!;
      if (v > 0) {
        parts.push(
          `<rect x="${X(b.x[i]!).toFixed(1)}" y="${Y(below + v).toFixed(1)}" width="${Math.max(1, X(b.x[i]! + b.width) - X(b.x[i]!) - 1).toFixed(1)}" height="${(Y(below) - Y(below + v)).toFixed(1)}" fill="${b.color}"/>`,
        );
      }
      base[i] = below + v;
    }
  }
  for (const { line, points } of lines) {
    const d = points
      .filter(([, y]) => Number.isFinite(y))
      .map(([x, y], i) => `${i === 0 ? "M" : "L"}${X(x).toFixed(1)},${Y(y).toFixed(1)}`)
      .join("");
    parts.push(
      `<path d="${d}" fill="none" stroke="${line.color}" stroke-width="1.2"${line.dashed ? ' stroke-dasharray="5,4"' : ""}/>`,
    );
  }
  const axis = `<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${w}" height="${h}" fill="none" stroke="#333"/>`;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => {
      const xv = x0 + f * (x1 - x0);
      const yv = y0 + f * (y1 - y0);
      return `<text x="${X(xv).toFixed(1)}" y="${top + PANEL_HEIGHT - MARGIN.bottom + 15}" text-anchor="middle">${fmt(xv)}</text><text x="${MARGIN.left - 5}" y="${(Y(yv) + 4).toFixed(1)}" text-anchor="end">${fmt(yv)}</text>`;
    })
    .join("");
  const legend = [...(panel.bars ?? []), ...(panel.lines ?? [])]
    .map(
      (s, i) =>
        `<text x="${WIDTH - MARGIN.right - 5}" y="${top + MARGIN.top + 14 + 13 * i}" text-anchor="end" fill="${s.color}">${escapeXml(s.name)}</text>`,
    )
    .join("");
  const labels = `<text x="${WIDTH / 2}" y="${top + 18}" text-anchor="middle" font-weight="bold">${escapeXml(panel.title)}</text><text x="${MARGIN.left + w / 2}" y="${top + PANEL_HEIGHT - 8}" text-anchor="middle">${escapeXml(panel.xLabel)}</text><text transform="translate(14 ${top + MARGIN.top + h / 2}) rotate(-90)" text-anchor="middle">${escapeXml(panel.yLabel)}</text>`;
  return parts.join("") + axis + ticks + legend + labels;
}

/** One SVG document with the panels stacked top to bottom. */
export function svgPanels(panels: readonly Panel[]): string {
  const height = PANEL_HEIGHT * panels.length;
  const body = panels.map((p, i) => panelSvg(p, i * PANEL_HEIGHT)).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11"><rect width="100%" height="100%" fill="white"/>${body}</svg>\n`;
}
