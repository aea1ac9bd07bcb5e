import type { Pdag } from "./pdag.ts";

/**
 * Meek's (1995) four orientation rules applied to a fixed point. Only undirected edges change;
 * bidirected (conflict) edges count as neither directed nor undirected, so they propagate nothing.
 * `allowed(i, j)` vetoes an orientation i → j that background knowledge forbids.
 */
export function applyMeekRules(g: Pdag, allowed: (i: number, j: number) => boolean = () => true): number {
  const p = g.size;
  let oriented = 0;
  let changed = true;
  const tryOrient = (a: number, b: number): boolean => {
    if (!allowed(a, b)) return false;
    g.orient(a, b);
    oriented++;
    return true;
  };
  while (changed) {
    changed = false;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        if (a === b || !g.isUndirected(a, b)) continue;
        if (rule1(g, a, b) || rule2(g, a, b) || rule3(g, a, b) || rule4(g, a, b)) {
          if (tryOrient(a, b)) changed = true;
        }
      }
    }
  }
  return oriented;
}

/** R1: c → a — b with c, b non-adjacent ⇒ a → b (else a new v-structure). */
function rule1(g: Pdag, a: number, b: number): boolean {
  for (let c = 0; c < g.size; c++) if (c !== b && g.isDirected(c, a) && !g.isAdjacent(c, b)) return true;
  return false;
}

/** R2: a → c → b with a — b ⇒ a → b (else a cycle). */
function rule2(g: Pdag, a: number, b: number): boolean {
  for (let c = 0; c < g.size; c++) if (g.isDirected(a, c) && g.isDirected(c, b)) return true;
  return false;
}

/** R3: a — c → b, a — d → b, c and d non-adjacent, a — b ⇒ a → b. */
function rule3(g: Pdag, a: number, b: number): boolean {
  for (let c = 0; c < g.size; c++) {
    if (!g.isUndirected(a, c) || !g.isDirected(c, b)) continue;
    for (let d = c + 1; d < g.size; d++) {
      if (g.isUndirected(a, d) && g.isDirected(d, b) && !g.isAdjacent(c, d)) return true;
    }
  }
  return false;
}

/** R4: a — d → c → b with a adjacent to c, b and d non-adjacent, a — b ⇒ a → b. */
function rule4(g: Pdag, a: number, b: number): boolean {
  for (let c = 0; c < g.size; c++) {
    if (!g.isDirected(c, b) || !g.isAdjacent(a, c)) continue;
    for (let d = 0; d < g.size; d++) {
      if (d !== b && g.isUndirected(a, d) && g.isDirected(d, c) && !g.isAdjacent(b, d)) return true;
    }
  }
  return false;
}
