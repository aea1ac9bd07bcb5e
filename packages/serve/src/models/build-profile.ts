import { ScoreCalibrator } from "@vigil/core/calibrate";
import { VigilError } from "@vigil/core/errors";
import type { AssetRef, Series } from "@vigil/core/series";
import { Dspot, type DspotOptions } from "@vigil/core/threshold";
import type { ScoreResult } from "@vigil/detect";
import { type DriftOptions, driftOptions, referenceBlockCount } from "../drift/index.ts";
import { buildDriftReferenceOffThread } from "../drift/reference-off-thread.ts";
import { embeddingColumns, embeddingNames } from "../drift/score-embedding.ts";
import type { ServingProfile } from "./serving-profile.ts";

export interface ProfileInput {
  readonly model: string;
  readonly asset: AssetRef;
  /** The scored series: held-out steps at [heldOutStart, T), preceded by enough rows for the first score. */
  readonly series: Series;
  readonly scores: ScoreResult;
  readonly heldOutStart: number;
  readonly threshold: Partial<DspotOptions>;
  readonly drift: Partial<DriftOptions>;
}

/** Leading steps without a score: how many rows of history the detector needs before its first score. */
export function scoreContext(scores: Float64Array): number {
  const first = scores.findIndex((v) => !Number.isNaN(v));
  if (first < 0) {
    throw new VigilError(
      "VIGIL_ERR_NO_SCORES",
      "The detector scored none of the held-out steps: the series is shorter than its window",
    );
  }
  return first;
}

/**
 * Fits a model's serving profile on its held-out steps: the calibrator (raw → z scale), the DSPOT
 * threshold on the calibrated scores, and the drift reference. Held-out steps are ones the detector
 * did not train on, so the threshold and drift statistics see the same kind of error as live data.
 */
export async function buildServingProfile(input: ProfileInput): Promise<ServingProfile> {
  const { scores, series } = input;
  const context = scoreContext(scores.score);
  const start = Math.max(input.heldOutStart, context);
  const steps = series.timestamps.length - start;
  const raw = scores.score.subarray(start);
  const calibrator = ScoreCalibrator.fit(raw);
  const calibrated = calibrator.calibrateAll(raw);
  const dspot = Dspot.fit(calibrated, input.threshold);
  const threshold = dspot.threshold;
  const alarms = calibrated.reduce((n, v) => n + (v > threshold ? 1 : 0), 0);
  const names = embeddingNames(scores);
  const o = driftOptions(input.drift);
  const enough = referenceBlockCount(steps, o) >= 2 * o.windowBlocks;
  const drift = enough
    ? await buildDriftReferenceOffThread(
        {
          channels: scores.channels,
          values: scores.channels.map((name) => {
            const c = series.channels.findIndex((info) => info.name === name);
            return series.values[c]!.slice(start);
          }),
          scores: calibrated,
          embeddingNames: names,
          // Copies, not views: a view would carry its whole buffer to the worker.
          embedding: embeddingColumns(scores).map((column) => column.slice(start)),
        },
        o,
      )
    : null;
  return {
    kind: "vigil.serving-profile",
    version: 1,
    model: input.model,
    asset: { site: input.asset.site, machine: input.asset.machine },
    channels: [...scores.channels],
    context,
    calibrator: calibrator.toJSON(),
    threshold: dspot.toJSON(),
    embedding: names,
    drift,
    ...(enough
      ? {}
      : {
          driftOff: `${steps} held-out steps are fewer than 2·windowBlocks·blockSteps = ${2 * o.windowBlocks * o.blockSteps}`,
        }),
    heldOut: { steps, alarmRate: alarms / Math.max(1, steps) },
  };
}
