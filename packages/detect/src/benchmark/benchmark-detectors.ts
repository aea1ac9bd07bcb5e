import { VigilArgumentError } from "@vigil/core/errors";
import { IsolationForest, PcaDetector, RollingRobustZ } from "../baselines/index.ts";
import type { Detector } from "../detector/types.ts";
import { VaeDetector } from "../vae/index.ts";

/**
 * The detectors a benchmark can run, by name, each at its documented defaults (one configuration for every
 * file of a data set). Adding a detector to the benchmarks is one entry here.
 */
export const BENCHMARK_DETECTORS: Readonly<Record<string, () => Detector>> = {
  "rolling-robust-z": () => new RollingRobustZ(),
  pca: () => new PcaDetector(),
  "isolation-forest": () => new IsolationForest(),
  vae: () => new VaeDetector(),
};

/** The names `--detector` accepts: one of BENCHMARK_DETECTORS, or "all" for every one in order. */
export function benchmarkDetectorNames(choice: string): string[] {
  const names = Object.keys(BENCHMARK_DETECTORS);
  if (choice === "all") return names;
  if (!names.includes(choice)) {
    throw new VigilArgumentError(
      `Expected --detector to be one of ${[...names, "all"].join(", ")} but received "${choice}"`,
    );
  }
  return [choice];
}
