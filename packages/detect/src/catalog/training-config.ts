import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { z } from "zod";
import { type CalibrationOptions, resolveCalibrationOptions } from "../calibration/calibrate-scores.ts";
import type { Detector } from "../detector/types.ts";
import { readJsonFile } from "../registry/read-json.ts";
import { createDetector } from "./create-detector.ts";

/**
 * A training config file: `detector` holds the detector's options (over its defaults), `calibration`
 * how its alarm threshold and alert rules are set from its training scores. Both are optional.
 * Example: `{ "detector": { "windowLength": 32, "epochs": 10 }, "calibration": { "threshold": { "risk": 1e-3 } } }`.
 */
const trainingConfigSchema = z.strictObject({
  detector: z.record(z.string(), z.unknown()).optional(),
  calibration: z.record(z.string(), z.unknown()).optional(),
});

export type TrainingConfig = z.infer<typeof trainingConfigSchema>;

export interface TrainingPlan {
  /** A fresh detector with the config's options. */
  readonly detector: Detector;
  readonly calibration: CalibrationOptions;
}

/** Re-throws an option error as an input error at `section.key` of the config file. */
function inSection<T>(source: string, section: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof VigilArgumentError)) throw error;
    const key = error.details?.name;
    const column = typeof key === "string" ? `${section}.${key}` : section;
    throw new VigilInputError(error.message, { source, column }, { cause: error });
  }
}

/**
 * The detector and calibration a config describes, checked in full before any training: unknown or
 * invalid keys are VigilInputErrors naming the file and the key (e.g. "detector.windowLength").
 * Without a file, the detector's and the calibration's defaults.
 */
export async function loadTrainingConfig(kind: string, path: string | undefined): Promise<TrainingPlan> {
  const config = path === undefined ? {} : await readJsonFile(path, trainingConfigSchema);
  return checkTrainingConfig(kind, config, path ?? "defaults");
}

/**
 * `config` (e.g. read from `source`) checked as loadTrainingConfig checks a file: the detector it builds and the
 * calibration options, or a VigilInputError naming `source` and the key.
 */
export function checkTrainingConfig(kind: string, config: TrainingConfig, source: string): TrainingPlan {
  return {
    detector: inSection(source, "detector", () => createDetector(kind, config.detector)),
    calibration: inSection(source, "calibration", () =>
      resolveCalibrationOptions(config.calibration as Partial<CalibrationOptions> | undefined),
    ),
  };
}

/** A training config file, parsed and schema-checked (the keys inside each section are checked on use). */
export function readTrainingConfig(path: string): Promise<TrainingConfig> {
  return readJsonFile(path, trainingConfigSchema);
}
