export { type BackgroundKnowledge, CompiledKnowledge } from "./knowledge.ts";
export { type OrientationConflict, orientSkeleton } from "./orient.ts";
export { PC_DEFAULTS, type PcOptions, type PcResult, pc } from "./pc.ts";
export {
  learnSkeleton,
  pairKey,
  type Skeleton,
  type SkeletonOptions,
  type SkeletonProgress,
} from "./skeleton.ts";
