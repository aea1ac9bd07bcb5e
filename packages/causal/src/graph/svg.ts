import { escapeXml } from "@vigil/core/plot";
import type { Edge } from "./pdag.ts";

/** Narrowest node box; wider when names are long (about 7 px per character at font-size 12). */
const MIN_nodeW = 96;
const CHAR_W = 7;
const NODE_H = 28;
const GAP_X = 28;
const GAP_Y = 64;
const MARGIN = 20;

/** Layer = longest directed path from a source (undirected edges do not constrain layers). */
function layers(names: readonly string[], edges: readonly Edge[]): number[] {
  const index = new Map(names.map((n, i) => [n, i]));
  const layer = new Array<number>(names.length).fill(0);
  // p relaxation rounds suffice on a DAG; the bound also keeps a cyclic input from looping forever
  for (let round = 0; round < names.length; round++) {
    let changed = false;
    for (const e of edges) {
      if (e.kind !== "directed") continue;
      const a = index.get(e.from) as number;
      const b = index.get(e.to) as number;
      if ((layer[b] as number) < (layer[a] as number) + 1) {
        layer[b] = (layer[a] as number) + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return layer;
}

/**
 * A small layered (Sugiyama-style) drawing: nodes in rows by longest path, each row ordered by the
 * mean position of its neighbours in the row above, straight edges with arrowheads.
 */
export function toSvg(names: readonly string[], edges: readonly Edge[]): string {
  const nodeW = Math.max(MIN_nodeW, CHAR_W * Math.max(0, ...names.map((n) => n.length)) + 16);
  const layer = layers(names, edges);
  const rows: number[][] = [];
  names.forEach((_, i) => {
    const l = layer[i] as number;
    (rows[l] ??= []).push(i);
  });
  const x = new Array<number>(names.length).fill(0);
  const y = new Array<number>(names.length).fill(0);
  const index = new Map(names.map((n, i) => [n, i]));
  const width = Math.max(...rows.map((r) => r.length)) * (nodeW + GAP_X) - GAP_X + 2 * MARGIN;
  rows.forEach((row, l) => {
    if (l > 0) {
      const anchor = (i: number): number => {
        const xs = edges
          .filter((e) => e.to === names[i] || e.from === names[i])
          .map((e) => index.get(e.to === names[i] ? e.from : e.to) as number)
          .filter((j) => (layer[j] as number) < l)
          .map((j) => x[j] as number);
        return xs.length === 0 ? width / 2 : xs.reduce((a, b) => a + b, 0) / xs.length;
      };
      const keyed = row.map((i) => [anchor(i), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      row.splice(0, row.length, ...keyed.map((k) => k[1]));
    }
    const rowWidth = row.length * (nodeW + GAP_X) - GAP_X;
    row.forEach((i, k) => {
      x[i] = (width - rowWidth) / 2 + k * (nodeW + GAP_X) + nodeW / 2;
      y[i] = MARGIN + l * (NODE_H + GAP_Y) + NODE_H / 2;
    });
  });
  const height = rows.length * (NODE_H + GAP_Y) - GAP_Y + 2 * MARGIN;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    '<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
  ];
  for (const e of edges) {
    const a = index.get(e.from) as number;
    const b = index.get(e.to) as number;
    const [x1, y1] = borderPoint(x[a] as number, y[a] as number, x[b] as number, y[b] as number, nodeW);
    const [x2, y2] = borderPoint(x[b] as number, y[b] as number, x[a] as number, y[a] as number, nodeW);
    const heads =
      e.kind === "directed"
        ? ' marker-end="url(#head)"'
        : e.kind === "bidirected"
          ? ' marker-start="url(#head)" marker-end="url(#head)" stroke="red"'
          : ' stroke-dasharray="4 3"';
    parts.push(
      `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="black"${heads}/>`,
    );
  }
  names.forEach((name, i) => {
    const cx = x[i] as number;
    const cy = y[i] as number;
    parts.push(
      `<rect x="${cx - nodeW / 2}" y="${cy - NODE_H / 2}" width="${nodeW}" height="${NODE_H}" rx="6" fill="#eef3fb" stroke="#335"/>`,
      `<text x="${cx}" y="${cy + 4}" text-anchor="middle">${escapeXml(name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

/** Where the segment from (x1, y1) towards (x2, y2) leaves the node box centred at (x1, y1). */
function borderPoint(x1: number, y1: number, x2: number, y2: number, nodeW: number): [number, number] {
  const dx = x2 - x1;
  const dy = y2 - y1;
  if (dx === 0 && dy === 0) return [x1, y1];
  const scale = Math.min(
    dx === 0 ? Infinity : nodeW / 2 / Math.abs(dx),
    dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy),
  );
  return [x1 + dx * scale, y1 + dy * scale];
}
