import { VigilArgumentError } from "@vigil/core/errors";

/** How an adjacent pair is connected. "bidirected" marks a conflict: two rules put arrowheads at both ends. */
export type EdgeKind = "directed" | "undirected" | "bidirected";

export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/**
 * A partially directed graph over p nodes as an adjacency matrix plus arrowhead marks:
 * arrow[i·p + j] = 1 means an arrowhead at j on the edge i–j. Undirected = no arrowheads,
 * i → j = head at j only, bidirected (conflict) = heads at both ends.
 */
export class Pdag {
  readonly names: readonly string[];
  readonly size: number;
  private readonly adjacent: Uint8Array;
  private readonly arrow: Uint8Array;

  constructor(names: readonly string[]) {
    this.names = names;
    this.size = names.length;
    this.adjacent = new Uint8Array(this.size * this.size);
    this.arrow = new Uint8Array(this.size * this.size);
  }

  static complete(names: readonly string[]): Pdag {
    const g = new Pdag(names);
    for (let i = 0; i < g.size; i++) for (let j = i + 1; j < g.size; j++) g.addUndirected(i, j);
    return g;
  }

  clone(): Pdag {
    const g = new Pdag(this.names);
    g.adjacent.set(this.adjacent);
    g.arrow.set(this.arrow);
    return g;
  }

  index(name: string): number {
    const i = this.names.indexOf(name);
    if (i < 0) throw new VigilArgumentError(`Unknown variable "${name}"; known: ${this.names.join(", ")}`);
    return i;
  }

  isAdjacent(i: number, j: number): boolean {
    return this.adjacent[i * this.size + j] === 1;
  }

  /** True when there is an arrowhead at j on the edge i–j. */
  hasArrowAt(i: number, j: number): boolean {
    return this.arrow[i * this.size + j] === 1;
  }

  isDirected(i: number, j: number): boolean {
    return this.isAdjacent(i, j) && this.hasArrowAt(i, j) && !this.hasArrowAt(j, i);
  }

  isUndirected(i: number, j: number): boolean {
    return this.isAdjacent(i, j) && !this.hasArrowAt(i, j) && !this.hasArrowAt(j, i);
  }

  /** Sets adjacency and both arrowhead marks of the pair at once. */
  private set(i: number, j: number, adjacent: 0 | 1, headAtJ: 0 | 1, headAtI: 0 | 1): void {
    this.adjacent[i * this.size + j] = adjacent;
    this.adjacent[j * this.size + i] = adjacent;
    this.arrow[i * this.size + j] = headAtJ;
    this.arrow[j * this.size + i] = headAtI;
  }

  addUndirected(i: number, j: number): void {
    this.set(i, j, 1, 0, 0);
  }

  removeEdge(i: number, j: number): void {
    this.set(i, j, 0, 0, 0);
  }

  /** Sets i → j, replacing any marks. */
  orient(i: number, j: number): void {
    this.set(i, j, 1, 1, 0);
  }

  /** Adds an arrowhead at j, keeping one at i if present (which yields a bidirected conflict edge). */
  addArrowhead(i: number, j: number): void {
    this.arrow[i * this.size + j] = 1;
  }

  neighbours(i: number): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.size; j++) if (this.isAdjacent(i, j)) out.push(j);
    return out;
  }

  parents(j: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (this.isDirected(i, j)) out.push(i);
    return out;
  }

  edgeCount(): number {
    let count = 0;
    for (let i = 0; i < this.size; i++)
      for (let j = i + 1; j < this.size; j++) if (this.isAdjacent(i, j)) count++;
    return count;
  }

  edges(): Edge[] {
    const out: Edge[] = [];
    for (let i = 0; i < this.size; i++) {
      for (let j = i + 1; j < this.size; j++) {
        if (!this.isAdjacent(i, j)) continue;
        const a = this.names[i] as string;
        const b = this.names[j] as string;
        if (this.isDirected(i, j)) out.push({ from: a, to: b, kind: "directed" });
        else if (this.isDirected(j, i)) out.push({ from: b, to: a, kind: "directed" });
        else out.push({ from: a, to: b, kind: this.hasArrowAt(i, j) ? "bidirected" : "undirected" });
      }
    }
    return out;
  }

  /** Graph from named edges (e.g. a reference DAG read from a CSV of source,target). */
  static fromEdges(names: readonly string[], edges: readonly Edge[]): Pdag {
    const g = new Pdag(names);
    for (const e of edges) {
      const i = g.index(e.from);
      const j = g.index(e.to);
      if (e.kind === "directed") g.orient(i, j);
      else {
        g.addUndirected(i, j);
        if (e.kind === "bidirected") {
          g.addArrowhead(i, j);
          g.addArrowhead(j, i);
        }
      }
    }
    return g;
  }
}
