/**
 * Federated VAE on SKAB (real valve and pump experiments, real labels) against the SKAB protocol's local-only
 * models and one centralised model, with the same VAE, the same training budget in epochs and the same
 * reading of scores into alarms for all.
 *
 * - local only: one model per file on its 400 training rows (`runSkab`, the published protocol);
 * - federated: 34 sites (one per file, its 400 training rows), FedAvg weighted by window counts over R rounds
 *   of E local epochs, each site keeping its own normaliser (VaeSite); each site then scores its own test part
 *   with the global network and its local parts;
 * - centralised: one model on the 34 training parts pooled, each normalised by its own robust statistics first;
 * - untrained network (reference): the seeded initial network behind each file's normaliser.
 * Every file's threshold comes from its own training scores (POT defaults); alarms, changepoints, F1/FAR/MAR and
 * NAB are those of `runSkab` / `evaluateSkab`, run on every method (trained models enter through TrainedDetector).
 *
 * Run: nice node --import tsx bench/federated/skab.ts [--rounds 30] [--local-epochs 1] [--learning-rate 2e-3]
 *      [--seed 1] [--data ../shared/data/skab] [--out artifacts/federated]
 * Table on stdout, progress on stderr, chart `skab-federated.svg` in --out.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { expectInteger, expectNumber, expectPositiveInteger } from "@vigil/core/validate";
import { loadSkab } from "@vigil/data/datasets";
import { runSkab, type SkabRunResult } from "@vigil/detect/benchmark";
import { createDetector } from "@vigil/detect/catalog";
import type { VaeDetectorOptions } from "@vigil/detect/vae";
import { centralisedSkab } from "./skab-centralised.ts";
import { federatedSkab } from "./skab-federated.ts";
import { methodRow, type SkabMethodRow, skabChart, skabTableLines } from "./skab-report.ts";
import type { TrainedDetector } from "./skab-trained-detector.ts";
import { untrainedSkab } from "./skab-untrained.ts";

const { values: args } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    rounds: { type: "string", default: "30" },
    "local-epochs": { type: "string", default: "1" },
    "learning-rate": { type: "string", default: "2e-3" },
    data: { type: "string", default: "../shared/data/skab" },
    out: { type: "string", default: "artifacts/federated" },
  },
});
const seed = Number(args.seed);
const rounds = Number(args.rounds);
const localEpochs = Number(args["local-epochs"]);
const learningRate = Number(args["learning-rate"]);
expectInteger("--seed", seed, 0, 2 ** 31 - 1);
expectPositiveInteger("--rounds", rounds);
expectPositiveInteger("--local-epochs", localEpochs);
expectNumber("--learning-rate", learningRate, Number.MIN_VALUE);

/**
 * The catalog's VAE (1D-CNN encoder, window 64, hidden 32, latent 8, β 0.1) for every method, with the two
 * changes federated training needs to be comparable: no early stopping (VaeSite trains without a validation
 * split, so every method trains exactly its epochs) and no β warm-up (VaeSite's rounds use full β).
 */
const DETECTOR: Partial<VaeDetectorOptions> = { validationFraction: 0, betaWarmupEpochs: 0, seed };
/** The non-federated methods train R·E epochs at the federated sites' learning rate. */
const TRAINED: Partial<VaeDetectorOptions> = { ...DETECTOR, epochs: rounds * localEpochs, learningRate };

const started = performance.now();
const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
const log = (line: string) => process.stderr.write(`[${elapsed()} s] ${line}\n`);

const experiments = await loadSkab(args.data);
log(`${experiments.length} SKAB experiments from ${args.data}`);

/** The SKAB protocol's thresholds, alarms, changepoints and evaluation over ready-trained per-file models. */
const scoreTrained = (name: string, detectors: readonly TrainedDetector[]): Promise<SkabRunResult> => {
  let next = 0;
  return runSkab(experiments, () => detectors[next++]!, {
    onFile: (p) => {
      if (p.index === p.total) log(`${name}: ${p.total} files scored`);
    },
  });
};

const rows: SkabMethodRow[] = [];

const untrained = await scoreTrained("untrained", await untrainedSkab(experiments, DETECTOR));
rows.push(methodRow("untrained network (reference)", experiments, untrained, { trainSeconds: 0 }));

const localStart = performance.now();
const local = await runSkab(experiments, () => createDetector("vae", TRAINED), {
  onFile: (p) =>
    log(`local only: ${p.name} (${p.index}/${p.total}) fitted in ${p.trainSeconds.toFixed(1)} s`),
});
log(`local only: ${((performance.now() - localStart) / 1000).toFixed(0)} s with scoring`);
rows.push(methodRow("local only (SKAB protocol)", experiments, local, { trainSeconds: local.trainSeconds }));

log(`federated: ${experiments.length} sites, ${rounds} rounds × ${localEpochs} local epoch(s)`);
const federated = await federatedSkab(experiments, {
  detector: DETECTOR,
  rounds,
  localEpochs,
  learningRate,
  seed,
  log,
});
const mean = (f: (r: (typeof federated.reports)[number]) => number) =>
  federated.reports.reduce((a, r) => a + f(r), 0) / federated.reports.length;
rows.push(
  methodRow("federated (FedAvg)", experiments, await scoreTrained("federated", federated.detectors), {
    trainSeconds: federated.trainSeconds,
    upPerRound: mean((r) => r.bytesUp),
    downPerRound: mean((r) => r.bytesDown),
  }),
);

log(`centralised: ${rounds * localEpochs} epochs on the pooled training parts`);
const centralised = await centralisedSkab(experiments, TRAINED);
try {
  rows.push(
    methodRow(
      "centralised (pooled data)",
      experiments,
      await scoreTrained("centralised", centralised.detectors),
      {
        trainSeconds: centralised.trainSeconds,
      },
    ),
  );
} finally {
  centralised.dispose();
}

const first = federated.reports[0]!;
const last = federated.reports.at(-1)!;
console.log(
  `\nVAE on SKAB (${experiments.length} files, seed ${seed}): federated ${rounds} rounds × ${localEpochs} local epoch(s) at learning rate ${learningRate}; local-only and centralised ${rounds * localEpochs} epochs.`,
);
console.log(
  "F1/FAR/MAR over the summed confusion matrix of the test parts; NAB standard profile; PR-AUC mean over files of each test part's scores.",
);
for (const line of skabTableLines(rows)) console.log(line);
console.log(
  `Federated global model's loss (sample-weighted mean reconstruction error on the sites' training rows): ${first.loss.toFixed(4)} (round 1) → ${last.loss.toFixed(4)} (round ${last.round}).`,
);

mkdirSync(args.out, { recursive: true });
const chart = join(args.out, "skab-federated.svg");
writeFileSync(
  chart,
  skabChart(
    rows,
    `VAE on SKAB: local only vs federated vs centralised (seed ${seed}, ${rounds * localEpochs} epochs each)`,
  ),
);
log(`chart written to ${chart}; total ${elapsed()} s`);
