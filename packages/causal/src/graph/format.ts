import type { Edge } from "./pdag.ts";

const ARROWS = { directed: "->", undirected: "--", bidirected: "<->" } as const;

/** One edge per line: "A -> B", "A -- B" (orientation unknown) or "A <-> B" (conflicting orientations). */
export function formatEdges(edges: readonly Edge[]): string {
  return edges.map((e) => `${e.from} ${ARROWS[e.kind]} ${e.to}`).join("\n");
}

function quote(name: string): string {
  return `"${name.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** Graphviz DOT; undirected edges have no heads, conflicts have heads at both ends and are drawn red. */
export function toDot(names: readonly string[], edges: readonly Edge[], title = "causal"): string {
  const lines = [`digraph ${quote(title)} {`, "  node [shape=box, style=rounded];"];
  for (const n of names) lines.push(`  ${quote(n)};`);
  for (const e of edges) {
    const attrs =
      e.kind === "directed" ? "" : e.kind === "undirected" ? " [dir=none]" : ' [dir=both, color="red"]';
    lines.push(`  ${quote(e.from)} -> ${quote(e.to)}${attrs};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
