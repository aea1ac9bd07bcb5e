import { applyMeekRules } from "./meek.ts";
import { Pdag } from "./pdag.ts";

/**
 * The CPDAG (essential graph) of a DAG: its skeleton, its v-structures oriented, then Meek's rules
 * (Meek 1995 shows this closure is exactly the Markov equivalence class's common orientation).
 */
export function dagToCpdag(dag: Pdag): Pdag {
  const p = dag.size;
  const out = new Pdag(dag.names);
  for (let i = 0; i < p; i++)
    for (let j = i + 1; j < p; j++) if (dag.isAdjacent(i, j)) out.addUndirected(i, j);
  for (let z = 0; z < p; z++) {
    const parents = dag.parents(z);
    for (const x of parents) {
      for (const y of parents) {
        if (y > x && !dag.isAdjacent(x, y)) {
          out.orient(x, z);
          out.orient(y, z);
        }
      }
    }
  }
  applyMeekRules(out);
  return out;
}
