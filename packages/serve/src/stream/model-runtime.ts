import { ScoreCalibrator } from "@vigil/core/calibrate";
import { readServingProfile, type ServingProfile } from "../models/index.ts";

/** A model as the main thread serves it: its id, serving profile and calibrator (the weights live in a worker). */
export interface ModelRuntime {
  readonly id: string;
  readonly profile: ServingProfile;
  readonly calibrator: ScoreCalibrator;
}

export async function loadModelRuntime(registryDir: string, id: string): Promise<ModelRuntime> {
  const profile = await readServingProfile(registryDir, id);
  return {
    id,
    profile,
    calibrator: ScoreCalibrator.fromJSON(profile.calibrator, `serving profile of ${id}`),
  };
}
