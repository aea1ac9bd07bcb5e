import { fisherZTest } from "../citest/fisher-z.ts";
import type { DataMatrix } from "../data/matrix.ts";
import { computeMoments, correlationFromCovariance } from "../data/moments.ts";
import type { Pdag } from "../graph/pdag.ts";
import { CompiledKnowledge } from "../pc/knowledge.ts";
import type { PcOptions, PcResult } from "../pc/pc.ts";
import { pc } from "../pc/pc.ts";
import { gaussianBic } from "./gaussian-bic.ts";
import { hillClimb } from "./hill-climb.ts";

/**
 * Constraint-then-score hybrid (as Max-Min Hill Climbing, Tsamardinos et al. 2006): the PC-stable Fisher-z
 * skeleton bounds the search, Gaussian-BIC hill climbing picks the DAG within it, respecting the same
 * background knowledge. Returns the DAG and the PC result it started from.
 */
export function pcHillClimb(data: DataMatrix, options?: Partial<PcOptions>): { graph: Pdag; pc: PcResult } {
  const result = pc(fisherZTest(data), data.names, options);
  const m = computeMoments(data);
  const knowledge = new CompiledKnowledge(data.names, options?.knowledge);
  const bic = gaussianBic(correlationFromCovariance(m.covariance, data.names.length), m.n);
  const graph = hillClimb(bic, data.names, {
    candidates: result.graph,
    allowed: (i, j) => !knowledge.isForbidden(i, j),
    required: (i, j) => knowledge.isRequired(i, j),
  }).graph;
  return { graph, pc: result };
}
