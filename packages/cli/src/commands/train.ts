import type { Series } from "@vigil/core";
import { formatTimestamp } from "@vigil/core/time";
import type { ModelCard } from "@vigil/detect/registry";
import type { Command } from "commander";
import { readWithProgress } from "../progress/read-with-progress.ts";
import { stepProgress } from "../progress/step-progress.ts";
import { modelsDir, parseAsset } from "../workspace/model-home.ts";

export interface TrainFlags {
  data: string;
  detector: string;
  config?: string;
  asset?: string;
  home?: string;
  json?: boolean;
}

/**
 * `vigil train`: fits a detector on the whole file, calibrates its alarm threshold and alert rules on
 * its own training scores, and saves it to the model registry (as a "shadow" model). The config is
 * checked in full before the data is read.
 */
export async function trainCommand(flags: TrainFlags): Promise<ModelCard> {
  // Loaded on use: the detectors pull in the native engine, which most commands never need.
  const { detectorKind, loadTrainingConfig } = await import("@vigil/detect/catalog");
  const { calibrateScores } = await import("@vigil/detect/calibration");
  const { ModelRegistry } = await import("@vigil/detect/registry");
  const kind = detectorKind(flags.detector);
  const asset = flags.asset === undefined ? undefined : parseAsset(flags.asset);
  const plan = await loadTrainingConfig(kind, flags.config);
  const { detector } = plan;
  try {
    const train = await readWithProgress(flags.data);
    const fitting = stepProgress(`training ${kind}`, "epochs");
    let epochs = 0;
    const report = await detector
      .fit(train, {
        onProgress: (p) => {
          epochs = p.epoch;
          fitting.update(
            p.epoch,
            p.epochs,
            [
              p.trainLoss === undefined ? "" : `loss ${p.trainLoss.toPrecision(4)}`,
              p.validationLoss === undefined ? "" : `validation ${p.validationLoss.toPrecision(4)}`,
            ].join(" "),
          );
        },
      })
      .finally(() => fitting.stop());
    // Single-pass detectors report no epochs: their fit is one step.
    if (epochs === 0) console.error(`training ${kind}: done in ${report.seconds.toFixed(2)} s`);
    const scoring = stepProgress("scoring the training data", "windows");
    const trainScores = await detector
      .score(train, { onProgress: (p) => scoring.update(p.done, p.total) })
      .finally(() => scoring.stop());
    const calibration = calibrateScores(trainScores.score, plan.calibration);
    const metrics: Record<string, number> = { trainSeconds: report.seconds };
    for (const key of ["epochs", "trainLoss", "validationLoss"] as const) {
      const value = report[key];
      if (value !== undefined && Number.isFinite(value)) metrics[key] = value;
    }
    const registry = new ModelRegistry({ dir: modelsDir(flags.home) });
    const card = await registry.save({
      detector,
      train,
      metrics,
      calibration,
      ...(asset === undefined ? {} : { asset }),
    });
    if (flags.json) console.log(JSON.stringify(card, null, 2));
    else console.log(cardSummary(card, registry.dir, train));
    return card;
  } finally {
    (detector as { dispose?: () => void }).dispose?.();
  }
}

/** The model id first (for scripts: `vigil train ... | head -1`), then what was trained and how it alarms. */
export function cardSummary(card: ModelCard, dir: string, train: Series): string {
  const config = Object.entries(card.config)
    .filter(([key]) => key !== "channels")
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(" ");
  const c = card.calibration;
  const metrics = Object.entries(card.metrics)
    .map(([key, value]) => `${key} ${Number(value.toPrecision(4))}`)
    .join(", ");
  const span = train.timestamps.length
    ? `${formatTimestamp(train.timestamps[0]!)} to ${formatTimestamp(train.timestamps.at(-1)!)}`
    : "empty";
  return [
    card.id,
    `  kind        ${card.kind} v${card.version}${card.asset ? ` for ${card.asset.site}/${card.asset.machine}` : ""} (shadow) in ${dir}`,
    `  trained on  ${card.training.steps} steps, ${card.training.channels.length} channels (${card.training.channels.join(", ")}), ${span}`,
    `  data sha256 ${card.training.fingerprint.slice(0, 16)}…`,
    ...(c === undefined
      ? []
      : [
          `  alarms at   score ≥ ${c.threshold.toPrecision(5)} (${c.rule} on training scores; onset level ${c.onsetLevel.toPrecision(4)}), merge gap ${c.mergeGapSeconds} s, min duration ${c.minDurationSeconds} s`,
        ]),
    `  metrics     ${metrics}`,
    `  config      ${config}`,
  ].join("\n");
}

export function registerTrain(program: Command): void {
  program
    .command("train")
    .description(
      "Fit a detector on a file, calibrate its alarm threshold on training scores, save it to the model registry",
    )
    .requiredOption("--data <path>", "training data: CSV/TSV, JSON Lines, Parquet or Arrow")
    .requiredOption(
      "--detector <name>",
      "vae, conv-ae, lstm-ae, pca, iforest (isolation-forest) or rolling-robust-z",
    )
    .option("--config <file.json>", 'options: {"detector": {...}, "calibration": {...}}')
    .option("--asset <site/machine>", "the asset the model is for")
    .option("--home <dir>", "Vigil's working directory (default $VIGIL_HOME or ./.vigil)")
    .option("--json", "print the model card as JSON")
    .action(async (flags: TrainFlags) => {
      await trainCommand(flags);
    });
}
