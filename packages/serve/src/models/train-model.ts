import { VigilError } from "@vigil/core/errors";
import type { AssetRef, Series } from "@vigil/core/series";
import { sliceByIndex } from "@vigil/core/series";
import { Dspot, type DspotOptions } from "@vigil/core/threshold";
import { expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";
import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";
import type { DriftOptions } from "../drift/index.ts";
import { buildServingProfile } from "./build-profile.ts";
import { createDetector } from "./detector-kinds.ts";
import { activateModel, mirrorModels } from "./model-records.ts";
import { loadNormalSeries } from "./normal-data.ts";
import { type ServingProfile, writeServingProfile } from "./serving-profile.ts";

export type TrainStage = "loading" | "fitting" | "calibrating" | "saving" | "done";

export interface TrainProgress {
  readonly stage: TrainStage;
  /** 0..1 over the whole training job. */
  readonly progress: number;
  readonly message: string;
}

export interface TrainModelOptions {
  store: Store;
  registry: ModelRegistry;
  asset: AssetRef;
  /** Detector kind (see DETECTOR_KINDS). */
  detector: string;
  /** The normal period to learn from, ns; default: everything stored. */
  from: bigint | undefined;
  to: bigint | undefined;
  /** The detector's own options. */
  config: Record<string, unknown>;
  /** "auto": active when the asset has no active model, else shadow. */
  status: "auto" | "active" | "shadow";
  /** Fraction of the normal rows, from the end, held out from fitting to calibrate score, threshold and drift. */
  heldOutFraction: number;
  threshold: Partial<DspotOptions>;
  drift: Partial<DriftOptions>;
  /** Training data given directly instead of read from the Store (e.g. the retrainer's recent window). */
  series: Series | undefined;
  onProgress: ((progress: TrainProgress) => void) | undefined;
}

export const TRAIN_MODEL_DEFAULTS: TrainModelOptions = {
  store: undefined!,
  registry: undefined!,
  asset: undefined!,
  detector: "vae",
  from: undefined,
  to: undefined,
  config: {},
  status: "auto",
  heldOutFraction: 0.25,
  threshold: {},
  drift: {},
  series: undefined,
  onProgress: undefined,
};

export interface TrainedModel {
  readonly id: string;
  readonly status: "active" | "shadow";
  readonly metrics: Readonly<Record<string, number>>;
  readonly profile: ServingProfile;
}

/**
 * Trains a detector on an asset's stored normal data and registers it for streaming: fits on the
 * first (1 − heldOutFraction) of the rows, scores the held-out rest to fit the calibrator, the initial
 * adaptive threshold and the drift reference (the serving profile), saves the model to the registry,
 * activates it when asked (or when it is the asset's first), and mirrors the registry rows to the Store.
 */
export async function trainModel(options: Partial<TrainModelOptions>): Promise<TrainedModel> {
  const o = withDefaults("trainModel options", TRAIN_MODEL_DEFAULTS, options);
  if (o.store === undefined || o.registry === undefined || o.asset === undefined) {
    throw new VigilError("VIGIL_ERR_ARGUMENT", "trainModel needs store, registry and asset");
  }
  expectOneOf("status", o.status, ["auto", "active", "shadow"]);
  expectNumber("heldOutFraction", o.heldOutFraction, 0.05, 0.9);
  const report = (stage: TrainStage, progress: number, message: string) =>
    o.onProgress?.({ stage, progress, message });
  const asset = { site: o.asset.site, machine: o.asset.machine };
  const started = performance.now();

  report("loading", 0, "reading normal data");
  const series = o.series ?? (await loadNormalSeries({ store: o.store, asset, from: o.from, to: o.to }));
  const steps = series.timestamps.length;
  const cut = Math.round(steps * (1 - o.heldOutFraction));
  if (steps < 4 || cut < 2) {
    throw new VigilError(
      "VIGIL_ERR_NOT_ENOUGH_DATA",
      `Asset ${asset.site}/${asset.machine} has ${steps} normal rows in the range: too few to train on`,
    );
  }
  const train = sliceByIndex(series, 0, cut);
  const detector = createDetector(o.detector, o.config);
  report("fitting", 0.05, `fitting ${o.detector} on ${cut} rows`);
  const fit = await detector.fit(train, {
    onProgress: (p) =>
      report(
        "fitting",
        0.05 + 0.75 * (p.epoch / Math.max(1, p.epochs)),
        `epoch ${p.epoch}/${p.epochs}${p.trainLoss === undefined ? "" : ` loss ${p.trainLoss.toFixed(4)}`}`,
      ),
  });

  report("calibrating", 0.8, `scoring ${steps - cut} held-out rows`);
  // Score the held-out rows with up to 4096 rows before them, enough history for any window.
  const first = Math.max(0, cut - 4096);
  const scored = sliceByIndex(series, first, steps);
  const scores = await detector.score(scored);

  report("saving", 0.9, "saving the model");
  const metricsBase: Record<string, number> = {
    trainSeconds: (performance.now() - started) / 1000,
    fitSeconds: fit.seconds,
    trainRows: cut,
    heldOutRows: steps - cut,
    ...(fit.trainLoss === undefined ? {} : { trainLoss: fit.trainLoss }),
    ...(fit.validationLoss === undefined ? {} : { validationLoss: fit.validationLoss }),
  };
  // The profile needs the model id, which the registry assigns on save; the metrics it yields are
  // computed first from a provisional profile so that the card carries them.
  const provisional = await buildServingProfile({
    model: "pending",
    asset,
    series: scored,
    scores,
    heldOutStart: cut - first,
    threshold: o.threshold,
    drift: o.drift,
  });
  const metrics = {
    ...metricsBase,
    context: provisional.context,
    heldOutAlarmRate: provisional.heldOut.alarmRate,
    initialThreshold: thresholdOf(provisional),
  };
  const card = await o.registry.save({ detector, train, metrics, asset });
  const profile: ServingProfile = { ...provisional, model: card.id };
  await writeServingProfile(o.registry.dir, profile);
  const hasActive = (await o.registry.active(asset)) !== undefined;
  const status = o.status === "active" || (o.status === "auto" && !hasActive) ? "active" : "shadow";
  if (status === "active") await activateModel(o.store, o.registry, card.id);
  else await mirrorModels(o.store, o.registry, [card.id]);
  // Neural detectors hold native memory until disposed; the worker pool loads its own copy.
  if ("dispose" in detector && typeof detector.dispose === "function") detector.dispose();
  report("done", 1, `model ${card.id} (${status})`);
  return { id: card.id, status, metrics, profile };
}

function thresholdOf(profile: ServingProfile): number {
  return Dspot.fromJSON(profile.threshold).threshold;
}
