import { withDefaults } from "@vigil/core/validate";
import { Pdag } from "../graph/pdag.ts";
import type { LocalScore } from "./gaussian-bic.ts";

export interface HillClimbOptions {
  /** Pairs allowed to be adjacent (e.g. a PC skeleton); undefined = every pair. */
  readonly candidates: Pdag | undefined;
  /** Vetoes a directed edge i → j (background knowledge). */
  readonly allowed: (i: number, j: number) => boolean;
  readonly maxParents: number;
  readonly maxSteps: number;
}

export const HILL_CLIMB_DEFAULTS: HillClimbOptions = {
  candidates: undefined,
  allowed: () => true,
  maxParents: Infinity,
  maxSteps: 10_000,
};

export interface HillClimbResult {
  readonly graph: Pdag;
  readonly score: number;
  readonly steps: number;
}

/** Whether `to` is reachable from `from` along directed edges. */
function reachable(parents: Set<number>[], from: number, to: number): boolean {
  const children = (v: number): number[] => parents.flatMap((ps, c) => (ps.has(v) ? [c] : []));
  const stack = [from];
  const seen = new Set<number>(stack);
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (v === to) return true;
    for (const c of children(v))
      if (!seen.has(c)) {
        seen.add(c);
        stack.push(c);
      }
  }
  return false;
}

/**
 * Greedy hill climbing over DAGs with add / delete / reverse moves, taking the best strictly improving move
 * each step (ties broken by scan order, so results are deterministic). Restricting `candidates` to a PC
 * skeleton gives the constraint-then-score hybrid of Max-Min Hill Climbing (Tsamardinos et al. 2006).
 */
export function hillClimb(
  score: LocalScore,
  names: readonly string[],
  options?: Partial<HillClimbOptions>,
): HillClimbResult {
  const o = withDefaults("hillClimb options", HILL_CLIMB_DEFAULTS, options);
  const p = score.variables;
  const parents = Array.from({ length: p }, () => new Set<number>());
  const local = (j: number, ps: Set<number>): number => score.local(j, [...ps]);
  const current = Array.from({ length: p }, (_, j) => local(j, parents[j] as Set<number>));
  const with_ = (ps: Set<number>, add: number): Set<number> => new Set([...ps, add]);
  const without = (ps: Set<number>, drop: number): Set<number> => new Set([...ps].filter((v) => v !== drop));
  let steps = 0;
  for (; steps < o.maxSteps; steps++) {
    let best = 1e-9;
    let apply: (() => void) | undefined;
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        if (i === j || (o.candidates !== undefined && !o.candidates.isAdjacent(i, j))) continue;
        const pj = parents[j] as Set<number>;
        const pi = parents[i] as Set<number>;
        if (pj.has(i)) {
          const drop = local(j, without(pj, i)) - (current[j] as number);
          if (drop > best) {
            best = drop;
            apply = () => pj.delete(i);
          }
          if (o.allowed(j, i) && pi.size < o.maxParents) {
            pj.delete(i);
            const cyclic = reachable(parents, i, j);
            pj.add(i);
            if (!cyclic) {
              const turn = drop + local(i, with_(pi, j)) - (current[i] as number);
              if (turn > best) {
                best = turn;
                apply = () => {
                  pj.delete(i);
                  pi.add(j);
                };
              }
            }
          }
        } else if (!pi.has(j) && o.allowed(i, j) && pj.size < o.maxParents && !reachable(parents, j, i)) {
          const add = local(j, with_(pj, i)) - (current[j] as number);
          if (add > best) {
            best = add;
            apply = () => pj.add(i);
          }
        }
      }
    }
    if (apply === undefined) break;
    apply();
    for (let j = 0; j < p; j++) current[j] = local(j, parents[j] as Set<number>);
  }
  const graph = new Pdag(names);
  parents.forEach((ps, j) => {
    for (const i of ps) graph.orient(i, j);
  });
  return { graph, score: current.reduce((a, b) => a + b, 0), steps };
}
