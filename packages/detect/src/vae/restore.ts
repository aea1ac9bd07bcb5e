import type { DetectorRestorer } from "../baselines/restore.ts";
import { VaeDetector } from "./vae-detector.ts";

/** The VAE's registry loader; pass `{ ...BASELINE_RESTORERS, ...VAE_RESTORERS }` to a ModelRegistry. */
export const VAE_RESTORERS: Readonly<Record<string, DetectorRestorer>> = {
  [VaeDetector.kind]: VaeDetector.fromState,
};
