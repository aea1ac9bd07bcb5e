import type { CITest } from "../citest/types.ts";
import { Pdag } from "../graph/pdag.ts";
import type { CompiledKnowledge } from "./knowledge.ts";

export interface SkeletonProgress {
  readonly level: number;
  readonly testsRun: number;
  readonly edges: number;
}

export interface SkeletonOptions {
  readonly alpha: number;
  /** Largest conditioning set tried; Infinity = until no node has enough neighbours. */
  readonly maxConditioningSize: number;
  readonly onProgress?: (progress: SkeletonProgress) => void;
}

export interface Skeleton {
  readonly graph: Pdag;
  /** Separating set of each removed pair, keyed "i,j" with i < j. */
  readonly sepsets: ReadonlyMap<string, readonly number[]>;
  readonly testsRun: number;
}

export function pairKey(i: number, j: number): string {
  return i < j ? `${i},${j}` : `${j},${i}`;
}

/** All size-k subsets of `items`, in lexicographic order of positions. */
export function* subsets(items: readonly number[], k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  if (k > items.length) return;
  while (true) {
    yield idx.map((i) => items[i] as number);
    let t = k - 1;
    while (t >= 0 && idx[t] === items.length - k + t) t--;
    if (t < 0) return;
    idx[t] = (idx[t] as number) + 1;
    for (let u = t + 1; u < k; u++) idx[u] = (idx[u - 1] as number) + 1;
  }
}

/** One adjacent pair to test at a level: candidate conditioning sets from x's side, then from y's side. */
export interface PairTask {
  readonly x: number;
  readonly y: number;
  readonly sides: readonly (readonly number[])[];
}

/**
 * The pairs to test at `level` with the adjacency sets a(·) frozen before any removal (PC-stable). A pair is
 * tested from the smaller index's side first, as the sequential loop over x visits it; each pair's outcome
 * depends only on the frozen sets, so pairs can be tested in any order or in parallel with the same result.
 */
export function levelTasks(graph: Pdag, knowledge: CompiledKnowledge, level: number): PairTask[] {
  const p = graph.size;
  const frozen = Array.from({ length: p }, (_, i) => graph.neighbours(i));
  const tasks: PairTask[] = [];
  for (let x = 0; x < p; x++) {
    for (const y of frozen[x] as number[]) {
      if (y <= x || knowledge.mustBeAdjacent(x, y)) continue;
      const sides = [
        (frozen[x] as number[]).filter((v) => v !== y),
        (frozen[y] as number[]).filter((v) => v !== x),
      ].filter((side) => side.length >= level);
      if (sides.length > 0) tasks.push({ x, y, sides });
    }
  }
  return tasks;
}

/** Tests the pair's conditioning sets of size `level` in order until one separates it. */
export function separate(
  test: CITest,
  task: PairTask,
  level: number,
  alpha: number,
): { readonly sepset: number[] | undefined; readonly tests: number } {
  let tests = 0;
  for (const side of task.sides) {
    for (const s of subsets(side, level)) {
      tests++;
      if (test.test(task.x, task.y, s).pValue > alpha) return { sepset: s, tests };
    }
  }
  return { sepset: undefined, tests };
}

/** Whether some node still has enough neighbours for a conditioning set of size `level`. */
export function levelPossible(graph: Pdag, level: number): boolean {
  for (let i = 0; i < graph.size; i++) if (graph.neighbours(i).length - 1 >= level) return true;
  return false;
}

/** The complete graph minus pairs that knowledge forbids in both directions: PC's starting point. */
export function initialGraph(names: readonly string[], knowledge: CompiledKnowledge): Pdag {
  const graph = Pdag.complete(names);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) if (!knowledge.mayBeAdjacent(i, j)) graph.removeEdge(i, j);
  return graph;
}

/**
 * PC-stable skeleton (Colombo & Maathuis, JMLR 2014): at each level the adjacency sets a(X) are frozen
 * before any removal, so the skeleton does not depend on the order in which pairs are visited.
 */
export function learnSkeleton(
  test: CITest,
  names: readonly string[],
  knowledge: CompiledKnowledge,
  options: SkeletonOptions,
): Skeleton {
  const graph = initialGraph(names, knowledge);
  const sepsets = new Map<string, number[]>();
  let testsRun = 0;
  for (let level = 0; level <= options.maxConditioningSize && levelPossible(graph, level); level++) {
    for (const task of levelTasks(graph, knowledge, level)) {
      const { sepset, tests } = separate(test, task, level, options.alpha);
      testsRun += tests;
      if (sepset !== undefined) {
        graph.removeEdge(task.x, task.y);
        sepsets.set(pairKey(task.x, task.y), sepset);
      }
    }
    options.onProgress?.({ level, testsRun, edges: graph.edgeCount() });
  }
  return { graph, sepsets, testsRun };
}
