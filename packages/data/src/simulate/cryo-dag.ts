import { writeFile } from "node:fs/promises";
import { CRYO_EDGES } from "./cryo-scm.ts";

/** A directed edge of a ground-truth causal graph: `from` causes `to`. */
export interface DagEdge {
  readonly from: string;
  readonly to: string;
}

/** The cryogenic magnet SCM's ground-truth DAG, as plain edges. */
export function cryoDag(): DagEdge[] {
  return CRYO_EDGES.map(({ from, to }) => ({ from, to }));
}

/** `from,to` CSV with a header line, one edge per line. */
export function dagEdgesCsv(edges: readonly DagEdge[]): string {
  return `from,to\n${edges.map((e) => `${e.from},${e.to}\n`).join("")}`;
}

export async function writeDagEdgesCsv(path: string, edges: readonly DagEdge[]): Promise<void> {
  await writeFile(path, dagEdgesCsv(edges));
}

/** Every node reachable from `node` along the edges (not `node` itself unless the graph has a cycle). */
export function dagDescendants(edges: readonly DagEdge[], node: string): Set<string> {
  const out = new Set<string>();
  const stack = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const e of edges) {
      if (e.from !== current || out.has(e.to)) continue;
      out.add(e.to);
      stack.push(e.to);
    }
  }
  return out;
}
