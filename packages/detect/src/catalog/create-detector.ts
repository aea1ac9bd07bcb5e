import { VigilArgumentError } from "@vigil/core/errors";
import { IsolationForest, PcaDetector, RollingRobustZ } from "../baselines/index.ts";
import type { Detector } from "../detector/types.ts";
import { VaeDetector, type VaeDetectorOptions, vaeFamilyPreset } from "../vae/index.ts";

/** Detector options as read from a config file: checked by each detector's own validation. */
export type DetectorConfig = Readonly<Record<string, unknown>>;

/**
 * Every detector by kind (the name the registry stores), in the order `all` runs them. The
 * autoencoders are the VAE with `variational` off (see vae-family.ts), not separate models.
 */
export const DETECTOR_KINDS = [
  "rolling-robust-z",
  "pca",
  "isolation-forest",
  "vae",
  "conv-ae",
  "lstm-ae",
] as const;

/** Shorter names accepted on the command line. */
const ALIASES: Readonly<Record<string, (typeof DETECTOR_KINDS)[number]>> = { iforest: "isolation-forest" };

/**
 * The kind a name (or alias) stands for, or a VigilArgumentError listing the choices (plus `others`,
 * names the caller handles itself, such as "all").
 */
export function detectorKind(name: string, others: readonly string[] = []): (typeof DETECTOR_KINDS)[number] {
  const kind = ALIASES[name] ?? name;
  if (!(DETECTOR_KINDS as readonly string[]).includes(kind)) {
    const choices = [...DETECTOR_KINDS, ...Object.keys(ALIASES), ...others];
    throw new VigilArgumentError(
      `Expected --detector to be one of ${choices.join(", ")} but received "${name}"`,
      {
        name: "detector",
      },
    );
  }
  return kind as (typeof DETECTOR_KINDS)[number];
}

/**
 * A new detector of the named kind with `config` over its documented defaults. Unknown or invalid
 * keys throw the detector's own VigilArgumentError, which names the key; an autoencoder kind also
 * rejects the keys its kind fixes (`variational`, `encoder`).
 */
export function createDetector(name: string, config: DetectorConfig = {}): Detector {
  const kind = detectorKind(name);
  switch (kind) {
    case "rolling-robust-z":
      return new RollingRobustZ(config);
    case "pca":
      return new PcaDetector(config);
    case "isolation-forest":
      return new IsolationForest(config);
    default: {
      const preset = vaeFamilyPreset(kind)!;
      for (const key of Object.keys(preset)) {
        if (key in config) {
          throw new VigilArgumentError(
            `Option "${key}" is fixed by the detector "${kind}" (${key} = ${JSON.stringify(preset[key as keyof typeof preset])}); use "vae" to choose it`,
            { name: key },
          );
        }
      }
      return new VaeDetector({ ...(config as Partial<VaeDetectorOptions>), ...preset });
    }
  }
}
