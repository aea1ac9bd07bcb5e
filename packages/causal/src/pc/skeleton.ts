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
function* subsets(items: readonly number[], k: number): Generator<number[]> {
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
  const p = names.length;
  const graph = Pdag.complete(names);
  for (let i = 0; i < p; i++)
    for (let j = i + 1; j < p; j++) if (!knowledge.mayBeAdjacent(i, j)) graph.removeEdge(i, j);
  const sepsets = new Map<string, number[]>();
  let testsRun = 0;
  for (let level = 0; level <= options.maxConditioningSize; level++) {
    const frozen = Array.from({ length: p }, (_, i) => graph.neighbours(i));
    if (!frozen.some((a) => a.length - 1 >= level)) break;
    for (let x = 0; x < p; x++) {
      for (const y of frozen[x] as number[]) {
        if (!graph.isAdjacent(x, y) || knowledge.mustBeAdjacent(x, y)) continue;
        const candidates = (frozen[x] as number[]).filter((v) => v !== y);
        for (const s of subsets(candidates, level)) {
          testsRun++;
          if (test.test(x, y, s).pValue > options.alpha) {
            graph.removeEdge(x, y);
            sepsets.set(pairKey(x, y), s);
            break;
          }
        }
      }
    }
    options.onProgress?.({ level, testsRun, edges: graph.edgeCount() });
  }
  return { graph, sepsets, testsRun };
}
