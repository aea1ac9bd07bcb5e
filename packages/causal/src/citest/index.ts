export {
  CMI_KNN_DEFAULTS,
  type CmiKnnOptions,
  cmiKnnEstimate,
  cmiKnnTest,
  KD_TREE_MIN_ROWS,
  NEIGHBOUR_SEARCHES,
  type NeighbourSearch,
} from "./cmi-knn.ts";
export { CI_TEST_KINDS, type CITestKind, createCITest } from "./factory.ts";
export { fisherZFromCorrelation, fisherZStatistic, fisherZTest } from "./fisher-z.ts";
export { gSquareTest } from "./g-square.ts";
export { partialCorrelation } from "./partial-correlation.ts";
export { type CITest, type CITestResult, cached, testKey } from "./types.ts";
