import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, withDefaults } from "@vigil/core/validate";
import { Pdag } from "../graph/pdag.ts";
import type { LocalScore } from "./gaussian-bic.ts";

/** Tables of 2^p entries per variable: beyond this the memory (p · 2^p · 12 bytes) passes a few hundred MB. */
export const EXACT_SEARCH_MAX_VARIABLES = 20;

export interface ExactSearchOptions {
  /** Vetoes a directed edge i → j (background knowledge). */
  readonly allowed: (i: number, j: number) => boolean;
  /** Directed edges i → j every candidate DAG must contain (background knowledge). */
  readonly required: (i: number, j: number) => boolean;
  /** Largest parent set scored; larger sets are never considered. */
  readonly maxParents: number;
}

export const EXACT_SEARCH_DEFAULTS: ExactSearchOptions = {
  allowed: () => true,
  required: () => false,
  maxParents: Infinity,
};

export interface ExactSearchResult {
  /** A DAG of the highest total score (ties: the first found in subset order, so results are deterministic). */
  readonly graph: Pdag;
  readonly score: number;
  /** Local scores evaluated. */
  readonly evaluations: number;
}

/**
 * The DAG maximising a decomposable score, exactly: dynamic programming over variable subsets (Silander &
 * Myllymäki 2006). For every variable and every set C of the others, the best parent set inside C; then the best
 * order, built by choosing which variable of each subset comes last. O(p · 2^p) time and memory plus one local
 * score per admissible parent set, so it suits up to about 20 variables (fewer with many parents allowed); it
 * certifies what a local search such as `hillClimb` can only approach.
 */
export function exactSearch(
  score: LocalScore,
  names: readonly string[],
  options?: Partial<ExactSearchOptions>,
): ExactSearchResult {
  const o = withDefaults("exactSearch options", EXACT_SEARCH_DEFAULTS, options);
  const p = score.variables;
  expectInteger("variables", p, 1, EXACT_SEARCH_MAX_VARIABLES);
  if (names.length !== p)
    throw new VigilArgumentError(`Expected ${p} variable names for exactSearch but received ${names.length}`);
  const maxParents = o.maxParents === Infinity ? p - 1 : expectInteger("maxParents", o.maxParents, 0);
  const full = (1 << p) - 1;
  // Bit masks per child j: the parents it must have, and those it may not.
  const requiredOf = Array.from({ length: p }, (_, j) => bits(p, (i) => i !== j && o.required(i, j)));
  const forbiddenOf = Array.from({ length: p }, (_, j) => bits(p, (i) => i !== j && !o.allowed(i, j)));
  let evaluations = 0;
  // best[j][C]: highest local score of j over admissible parent sets inside C; choice[j][C]: that parent set.
  const best: Float64Array[] = [];
  const choice: Int32Array[] = [];
  const members: number[] = [];
  for (let j = 0; j < p; j++) {
    const value = new Float64Array(full + 1).fill(-Infinity);
    const argmax = new Int32Array(full + 1);
    for (let c = 0; c <= full; c++) {
      if (c & (1 << j)) continue;
      members.length = 0;
      for (let i = 0; i < p; i++) if (c & (1 << i)) members.push(i);
      let top = -Infinity;
      let arg = c;
      if (
        members.length <= maxParents &&
        (c & requiredOf[j]!) === requiredOf[j]! &&
        (c & forbiddenOf[j]!) === 0
      ) {
        top = score.local(j, members);
        evaluations++;
      }
      for (const i of members) {
        const sub = c & ~(1 << i);
        if (value[sub]! > top) {
          top = value[sub]!;
          arg = argmax[sub]!;
        }
      }
      value[c] = top;
      argmax[c] = arg;
    }
    best.push(value);
    choice.push(argmax);
  }
  // total[S]: best score of a DAG over S whose parents lie in S; sink[S]: its last variable.
  const total = new Float64Array(full + 1).fill(-Infinity);
  const sink = new Int8Array(full + 1);
  total[0] = 0;
  for (let s = 1; s <= full; s++)
    for (let j = 0; j < p; j++) {
      if (!(s & (1 << j))) continue;
      const rest = s & ~(1 << j);
      const v = total[rest]! + best[j]![rest]!;
      if (v > total[s]!) {
        total[s] = v;
        sink[s] = j;
      }
    }
  if (total[full] === -Infinity)
    throw new VigilArgumentError(
      "exactSearch: no DAG satisfies the background knowledge (required edges form a cycle, or exceed maxParents)",
    );
  const graph = new Pdag(names);
  for (let s = full; s !== 0; ) {
    const j = sink[s]!;
    const rest = s & ~(1 << j);
    const parents = choice[j]![rest]!;
    for (let i = 0; i < p; i++) if (parents & (1 << i)) graph.orient(i, j);
    s = rest;
  }
  return { graph, score: total[full]!, evaluations };
}

function bits(p: number, member: (i: number) => boolean): number {
  let mask = 0;
  for (let i = 0; i < p; i++) if (member(i)) mask |= 1 << i;
  return mask;
}
