import { join } from "node:path";
import type { ScoreCalibratorState } from "@vigil/core/calibrate";
import { VigilError, VigilInputError } from "@vigil/core/errors";
import type { AssetRef } from "@vigil/core/series";
import type { DspotState } from "@vigil/core/threshold";
import type { DriftReferenceState } from "../drift/index.ts";
import { readJsonIfPresent, writeJsonAtomically } from "./atomic-json.ts";

/**
 * What streaming needs beside a model's weights: how many rows of context a score needs, the
 * calibrator to the z scale, the initial adaptive threshold, and the drift reference — all fitted on
 * held-out training data. Saved as `<registry>/.serving/<model id>.json` (the registry ignores
 * dot-directories), written atomically after the model itself.
 */
export interface ServingProfile {
  readonly kind: "vigil.serving-profile";
  readonly version: 1;
  readonly model: string;
  readonly asset: AssetRef;
  readonly channels: readonly string[];
  /** Leading steps of a series that get no score: a score at row t needs rows t − context … t. */
  readonly context: number;
  readonly calibrator: ScoreCalibratorState;
  /** DSPOT on calibrated scores, fitted on the held-out steps. */
  readonly threshold: DspotState;
  /** Names of the drift embedding's dimensions (see drift/score-embedding.ts). */
  readonly embedding: readonly string[];
  readonly drift: DriftReferenceState | null;
  /** Why drift monitoring is off for this model, when it is. */
  readonly driftOff?: string;
  readonly heldOut: { readonly steps: number; readonly alarmRate: number };
}

export function servingProfilePath(registryDir: string, id: string): string {
  return join(registryDir, ".serving", `${id}.json`);
}

export async function writeServingProfile(registryDir: string, profile: ServingProfile): Promise<void> {
  await writeJsonAtomically(servingProfilePath(registryDir, profile.model), profile);
}

/** The model's serving profile; VIGIL_ERR_NO_SERVING_PROFILE for a model not trained through trainModel. */
export async function readServingProfile(registryDir: string, id: string): Promise<ServingProfile> {
  const path = servingProfilePath(registryDir, id);
  const value = (await readJsonIfPresent(path)) as Partial<ServingProfile> | undefined;
  if (value === undefined) {
    throw new VigilError(
      "VIGIL_ERR_NO_SERVING_PROFILE",
      `Model "${id}" has no serving profile (${path}); train it with trainModel or build one with profileModel`,
    );
  }
  if (value.kind !== "vigil.serving-profile" || value.version !== 1 || value.model !== id) {
    throw new VigilInputError(`expected a version 1 serving profile of model "${id}"`, { source: path });
  }
  return value as ServingProfile;
}
