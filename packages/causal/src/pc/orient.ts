import { applyMeekRules } from "../graph/meek.ts";
import type { Pdag } from "../graph/pdag.ts";
import type { CompiledKnowledge } from "./knowledge.ts";
import { pairKey } from "./skeleton.ts";

/** Two orientation sources disagree about one edge; the edge is left bidirected (or as knowledge says). */
export interface OrientationConflict {
  readonly between: readonly [string, string];
  /** Human-readable causes, e.g. "v-structure Raf -> Mek <- PKA" or "knowledge PKC -> PKA". */
  readonly reasons: readonly string[];
}

/**
 * Orients a skeleton into a CPDAG: knowledge first, then every unshielded collider x → z ← y with z
 * outside sepset(x, y), then Meek's rules. Arrowheads accumulate instead of overwriting, so the result does
 * not depend on the order of the triples, and an edge that receives heads at both ends is kept as a
 * bidirected conflict and reported.
 */
export function orientSkeleton(
  g: Pdag,
  sepsets: ReadonlyMap<string, readonly number[]>,
  knowledge: CompiledKnowledge,
): OrientationConflict[] {
  const p = g.size;
  const name = (i: number): string => g.names[i] as string;
  const reasons = new Map<string, string[]>();
  const note = (a: number, b: number, why: string): void => {
    const key = pairKey(a, b);
    const list = reasons.get(key) ?? [];
    list.push(why);
    reasons.set(key, list);
  };
  const conflicts: OrientationConflict[] = [];
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      if (i === j || !g.isAdjacent(i, j)) continue;
      if (knowledge.isRequired(i, j) || (knowledge.isForbidden(j, i) && !knowledge.isForbidden(i, j))) {
        g.orient(i, j);
        note(i, j, `knowledge ${name(i)} -> ${name(j)}`);
      }
    }
  }
  for (let z = 0; z < p; z++) {
    const nz = g.neighbours(z);
    for (const x of nz) {
      for (const y of nz) {
        if (y <= x || g.isAdjacent(x, y)) continue;
        if (sepsets.get(pairKey(x, y))?.includes(z) ?? true) continue;
        const why = `v-structure ${name(x)} -> ${name(z)} <- ${name(y)}`;
        for (const a of [x, y]) {
          note(a, z, why);
          if (knowledge.isForbidden(a, z)) {
            conflicts.push({
              between: [name(a), name(z)],
              reasons: [why, `knowledge forbids ${name(a)} -> ${name(z)}`],
            });
            continue;
          }
          g.addArrowhead(a, z);
        }
      }
    }
  }
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      if (g.isAdjacent(i, j) && g.hasArrowAt(i, j) && g.hasArrowAt(j, i)) {
        conflicts.push({ between: [name(i), name(j)], reasons: reasons.get(pairKey(i, j)) ?? [] });
      }
    }
  }
  applyMeekRules(g, (a, b) => !knowledge.isForbidden(a, b));
  return conflicts;
}
