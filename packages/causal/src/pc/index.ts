export { type BackgroundKnowledge, CompiledKnowledge } from "./knowledge.ts";
export { type OrientationConflict, orientSkeleton } from "./orient.ts";
export { PARALLEL_PC_DEFAULTS, type ParallelPcOptions, pcParallel } from "./parallel-pc.ts";
export { PC_DEFAULTS, type PcOptions, type PcResult, pc } from "./pc.ts";
export {
  initialGraph,
  learnSkeleton,
  levelPossible,
  levelTasks,
  type PairTask,
  pairKey,
  type Skeleton,
  type SkeletonOptions,
  type SkeletonProgress,
  separate,
} from "./skeleton.ts";
