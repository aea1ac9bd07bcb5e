import { VigilArgumentError } from "@vigil/core/errors";
import { expectNumber, withDefaults } from "@vigil/core/validate";
import type { CITest } from "../citest/types.ts";
import type { Edge, Pdag } from "../graph/pdag.ts";
import { type BackgroundKnowledge, CompiledKnowledge } from "./knowledge.ts";
import { type OrientationConflict, orientSkeleton } from "./orient.ts";
import { learnSkeleton, type SkeletonProgress } from "./skeleton.ts";

export interface PcOptions {
  /** Significance level: an edge is removed when some test's p-value exceeds alpha. */
  readonly alpha: number;
  readonly maxConditioningSize: number;
  readonly knowledge: BackgroundKnowledge;
  readonly onProgress: ((progress: SkeletonProgress) => void) | undefined;
}

export const PC_DEFAULTS: PcOptions = {
  alpha: 0.01,
  maxConditioningSize: Infinity,
  knowledge: {},
  onProgress: undefined,
};

export interface PcResult {
  /** The CPDAG (with bidirected edges where orientations conflicted). */
  readonly graph: Pdag;
  readonly edges: readonly Edge[];
  readonly sepsets: ReadonlyMap<string, readonly number[]>;
  readonly conflicts: readonly OrientationConflict[];
  readonly testsRun: number;
}

/** PC-stable: order-independent skeleton, collider orientation with conflict reporting, Meek's rules. */
export function pc(test: CITest, names: readonly string[], options?: Partial<PcOptions>): PcResult {
  const o = withDefaults("pc options", PC_DEFAULTS, options);
  expectNumber("alpha", o.alpha, 0, 1);
  if (!(o.maxConditioningSize >= 0)) expectNumber("maxConditioningSize", o.maxConditioningSize, 0);
  if (test.variables !== names.length) {
    throw new VigilArgumentError(
      `pc: the test covers ${test.variables} variables but ${names.length} names were given`,
    );
  }
  if (test.minPValue !== undefined && test.minPValue > o.alpha) {
    throw new VigilArgumentError(
      `pc: the ${test.name} test cannot return p-values below ${test.minPValue.toPrecision(3)}, so at alpha ${o.alpha} no edge could ever be kept; use more permutations`,
    );
  }
  const knowledge = new CompiledKnowledge(names, o.knowledge);
  const skeleton = learnSkeleton(test, names, knowledge, {
    alpha: o.alpha,
    maxConditioningSize: o.maxConditioningSize,
    ...(o.onProgress === undefined ? {} : { onProgress: o.onProgress }),
  });
  const graph = skeleton.graph;
  const conflicts = orientSkeleton(graph, skeleton.sepsets, knowledge);
  return { graph, edges: graph.edges(), sepsets: skeleton.sepsets, conflicts, testsRun: skeleton.testsRun };
}
