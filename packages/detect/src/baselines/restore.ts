import type { Detector } from "../detector/types.ts";
import { IsolationForest } from "./isolation-forest.ts";
import { PcaDetector } from "./pca.ts";
import { RollingRobustZ } from "./rolling-robust-z.ts";
import type { DetectorState } from "./state.ts";

/** Rebuilds a detector from its exported state, one entry per detector kind (the registry's loaders). */
export type DetectorRestorer = (state: DetectorState) => Detector;

export const BASELINE_RESTORERS: Readonly<Record<string, DetectorRestorer>> = {
  [RollingRobustZ.kind]: RollingRobustZ.fromState,
  [PcaDetector.kind]: PcaDetector.fromState,
  [IsolationForest.kind]: IsolationForest.fromState,
};
