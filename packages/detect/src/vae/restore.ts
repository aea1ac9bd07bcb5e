import type { DetectorRestorer } from "../baselines/restore.ts";
import { VaeDetector } from "./vae-detector.ts";
import { VAE_FAMILY_KINDS } from "./vae-family.ts";

/**
 * The VAE family's registry loaders (the VAE and the Conv-/LSTM-/Transformer-autoencoders); pass
 * `{ ...BASELINE_RESTORERS, ...VAE_RESTORERS }` to a ModelRegistry.
 */
export const VAE_RESTORERS: Readonly<Record<string, DetectorRestorer>> = Object.fromEntries(
  VAE_FAMILY_KINDS.map((kind) => [kind, VaeDetector.fromState]),
);
