import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, withDefaults } from "@vigil/core/validate";
import { Pdag } from "../graph/pdag.ts";
import type { LocalScore } from "./gaussian-bic.ts";

export interface HillClimbOptions {
  /** Pairs allowed to be adjacent (e.g. a PC skeleton); undefined = every pair. */
  readonly candidates: Pdag | undefined;
  /** Vetoes a directed edge i → j (background knowledge). */
  readonly allowed: (i: number, j: number) => boolean;
  /** Directed edges i → j present from the start and never deleted or reversed (background knowledge). */
  readonly required: (i: number, j: number) => boolean;
  readonly maxParents: number;
  readonly maxSteps: number;
  /**
   * Tabu search (as bnlearn's `tabu`): once no move improves, keep taking the best move whose resulting graph is
   * not among the last `tabuLength` visited, and return the best graph seen. 0 = plain greedy hill climbing.
   */
  readonly tabuLength: number;
  /** Tabu search stops after this many consecutive moves without a new best score. */
  readonly tabuPatience: number;
}

export const HILL_CLIMB_DEFAULTS: HillClimbOptions = {
  candidates: undefined,
  allowed: () => true,
  required: () => false,
  maxParents: Infinity,
  maxSteps: 10_000,
  tabuLength: 0,
  tabuPatience: 10,
};

export interface HillClimbResult {
  readonly graph: Pdag;
  readonly score: number;
  /** Moves applied, including non-improving tabu moves. */
  readonly steps: number;
}

interface Move {
  readonly kind: "add" | "delete" | "reverse";
  readonly i: number;
  readonly j: number;
  readonly delta: number;
}

/** Whether `to` is reachable from `from` along directed edges. */
function reachable(parents: readonly Set<number>[], from: number, to: number): boolean {
  const p = parents.length;
  const stack = [from];
  const seen = new Uint8Array(p);
  seen[from] = 1;
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (v === to) return true;
    for (let c = 0; c < p; c++)
      if (!seen[c] && (parents[c] as Set<number>).has(v)) {
        seen[c] = 1;
        stack.push(c);
      }
  }
  return false;
}

function apply(parents: Set<number>[], move: Move): void {
  const pj = parents[move.j] as Set<number>;
  if (move.kind === "add") pj.add(move.i);
  else {
    pj.delete(move.i);
    if (move.kind === "reverse") (parents[move.i] as Set<number>).add(move.j);
  }
}

function undo(parents: Set<number>[], move: Move): void {
  const pj = parents[move.j] as Set<number>;
  if (move.kind === "add") pj.delete(move.i);
  else {
    pj.add(move.i);
    if (move.kind === "reverse") (parents[move.i] as Set<number>).delete(move.j);
  }
}

function graphKey(parents: readonly Set<number>[]): string {
  return parents.map((ps) => [...ps].sort((a, b) => a - b).join(",")).join(";");
}

/**
 * Greedy search over DAGs with add / delete / reverse moves, taking the best move each step (ties broken by
 * scan order, so results are deterministic), optionally continued as tabu search past local optima.
 * Restricting `candidates` to a PC skeleton gives the constraint-then-score hybrid of Max-Min Hill Climbing
 * (Tsamardinos et al. 2006).
 */
export function hillClimb(
  score: LocalScore,
  names: readonly string[],
  options?: Partial<HillClimbOptions>,
): HillClimbResult {
  const o = withDefaults("hillClimb options", HILL_CLIMB_DEFAULTS, options);
  expectInteger("tabuLength", o.tabuLength, 0);
  expectInteger("tabuPatience", o.tabuPatience, 0);
  const p = score.variables;
  const parents = Array.from({ length: p }, () => new Set<number>());
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      if (i === j || !o.required(i, j)) continue;
      if (reachable(parents, j, i))
        throw new VigilArgumentError(
          `hillClimb: required edges form a cycle through ${names[i]} -> ${names[j]}`,
        );
      (parents[j] as Set<number>).add(i);
    }
  const local = (j: number, ps: Set<number>): number => score.local(j, [...ps]);
  const current = Array.from({ length: p }, (_, j) => local(j, parents[j] as Set<number>));
  const with_ = (ps: Set<number>, add: number): Set<number> => new Set([...ps, add]);
  const without = (ps: Set<number>, drop: number): Set<number> => new Set([...ps].filter((v) => v !== drop));
  const tabu: string[] = [graphKey(parents)];
  let best = { score: current.reduce((a, b) => a + b, 0), parents: parents.map((ps) => new Set(ps)) };
  let stale = 0;
  let steps = 0;
  for (; steps < o.maxSteps; steps++) {
    const moves: Move[] = [];
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        if (i === j || (o.candidates !== undefined && !o.candidates.isAdjacent(i, j))) continue;
        const pj = parents[j] as Set<number>;
        const pi = parents[i] as Set<number>;
        if (pj.has(i)) {
          if (o.required(i, j)) continue;
          const drop = local(j, without(pj, i)) - (current[j] as number);
          moves.push({ kind: "delete", i, j, delta: drop });
          if (o.allowed(j, i) && pi.size < o.maxParents) {
            pj.delete(i);
            const cyclic = reachable(parents, i, j);
            pj.add(i);
            if (!cyclic) {
              const delta = drop + local(i, with_(pi, j)) - (current[i] as number);
              moves.push({ kind: "reverse", i, j, delta });
            }
          }
        } else if (!pi.has(j) && o.allowed(i, j) && pj.size < o.maxParents && !reachable(parents, j, i)) {
          moves.push({ kind: "add", i, j, delta: local(j, with_(pj, i)) - (current[j] as number) });
        }
      }
    }
    // stable sort: equal deltas keep scan order
    moves.sort((a, b) => b.delta - a.delta);
    let chosen: Move | undefined;
    if (o.tabuLength === 0) chosen = (moves[0]?.delta ?? 0) > 1e-9 ? moves[0] : undefined;
    else {
      for (const move of moves) {
        apply(parents, move);
        const key = graphKey(parents);
        undo(parents, move);
        if (!tabu.includes(key)) {
          chosen = move;
          tabu.push(key);
          if (tabu.length > o.tabuLength) tabu.shift();
          break;
        }
      }
    }
    if (chosen === undefined) break;
    apply(parents, chosen);
    current[chosen.i] = local(chosen.i, parents[chosen.i] as Set<number>);
    current[chosen.j] = local(chosen.j, parents[chosen.j] as Set<number>);
    const total = current.reduce((a, b) => a + b, 0);
    if (total > best.score + 1e-9) {
      best = { score: total, parents: parents.map((ps) => new Set(ps)) };
      stale = 0;
    } else if (++stale > o.tabuPatience) {
      steps++;
      break;
    }
  }
  const graph = new Pdag(names);
  best.parents.forEach((ps, j) => {
    for (const i of ps) graph.orient(i, j);
  });
  return { graph, score: best.score, steps };
}
