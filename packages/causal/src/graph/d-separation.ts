import type { Pdag } from "./pdag.ts";

/**
 * Whether x and y are d-separated by S in a DAG (Lauritzen's criterion: separated in the moral graph of
 * the ancestral set of {x, y} ∪ S once S is removed).
 */
export function dSeparated(dag: Pdag, x: number, y: number, s: readonly number[]): boolean {
  const p = dag.size;
  const relevant = new Uint8Array(p);
  const stack = [x, y, ...s];
  for (const v of stack) relevant[v] = 1;
  while (stack.length > 0) {
    for (const u of dag.parents(stack.pop() as number)) {
      if (!relevant[u]) {
        relevant[u] = 1;
        stack.push(u);
      }
    }
  }
  const blocked = new Uint8Array(p);
  for (const v of s) blocked[v] = 1;
  const moral = Array.from({ length: p }, () => new Set<number>());
  for (let v = 0; v < p; v++) {
    if (!relevant[v]) continue;
    const parents = dag.parents(v);
    for (const u of parents) {
      moral[u]?.add(v);
      moral[v]?.add(u);
      for (const w of parents) if (w !== u) moral[u]?.add(w);
    }
  }
  const seen = new Uint8Array(p);
  const queue = [x];
  seen[x] = 1;
  while (queue.length > 0) {
    const v = queue.pop() as number;
    if (v === y) return false;
    for (const w of moral[v] ?? []) {
      if (!seen[w] && !blocked[w]) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return true;
}
