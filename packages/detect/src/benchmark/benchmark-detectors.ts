import { createDetector, DETECTOR_KINDS, detectorKind } from "../catalog/index.ts";
import type { Detector } from "../detector/types.ts";

/**
 * The detectors a benchmark can run, by kind, each at its documented defaults (one configuration for every
 * file of a data set). Adding a detector to the catalog (catalog/create-detector.ts) adds it here.
 */
export const BENCHMARK_DETECTORS: Readonly<Record<string, () => Detector>> = Object.fromEntries(
  DETECTOR_KINDS.map((kind) => [kind, () => createDetector(kind)]),
);

/** The names `--detector` accepts: a detector kind (or alias), or "all" for every one in order. */
export function benchmarkDetectorNames(choice: string): string[] {
  if (choice === "all") return [...DETECTOR_KINDS];
  return [detectorKind(choice, ["all"])];
}
