/**
 * How much the SKAB changepoint score depends on the settings of the score-regime reading (scoreChangepoints),
 * which were fixed before the first SKAB run (hazard 1/250, threshold 0.1, lag 10). One detector is fitted and
 * scored once per file; its scores are then re-read with every setting of the grid. This is a sensitivity
 * analysis printed so the headline can be judged, not a way to choose: picking the best cell would be tuning on
 * the test labels. Each row also prints the random row for the same budget (as many changepoints per file, at
 * random rows; 10 seeds).
 * Run: nice node --import tsx bench/detect/skab-changepoint-sensitivity.ts [--detector vae] [--config bench/detect/skab-vae.json]
 */
import { parseArgs } from "node:util";
import { loadSkab } from "@vigil/data/datasets";
import {
  detectorBudgets,
  evaluateSkab,
  runSkab,
  skabRandomBaseline,
  testRegimeChangepoints,
} from "@vigil/detect/benchmark";
import { checkTrainingConfig, createDetector, readTrainingConfig } from "@vigil/detect/catalog";
import { SCORE_CHANGEPOINT_DEFAULTS } from "@vigil/detect/events";

const DIR = new URL("../../../shared/data/skab/", import.meta.url).pathname;
const { values: flags } = parseArgs({
  options: { detector: { type: "string", default: "vae" }, config: { type: "string" } },
});
const detector = flags.detector as string;
const config = flags.config === undefined ? {} : await readTrainingConfig(flags.config);
// Checked before the first file (a bad key names the file and key); the detector it builds is not used.
(
  checkTrainingConfig(detector, config, flags.config ?? "defaults").detector as { dispose?: () => void }
).dispose?.();
const make = () => createDetector(detector, config.detector);

const experiments = await loadSkab(DIR);
const run = await runSkab(experiments, make, {
  onFile: (p) => process.stderr.write(`\r[${detector}] ${p.index}/${p.total}   `),
});
process.stderr.write("\n");

const grid = {
  hazardTimescale: [100, 250, 500, 1000],
  threshold: [0.05, 0.1, 0.2],
  lag: [5, 10, 20, 50],
};
console.log(
  `SKAB changepoint score of ${detector}${flags.config === undefined ? "" : ` (${flags.config})`} under the score-regime reading, by setting (headline: defaults)`,
);
console.log(
  "| hazard λ | threshold | lag | NAB std | NAB LowFP | NAB LowFN | missed | FPs | random NAB std |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const hazardTimescale of grid.hazardTimescale)
  for (const threshold of grid.threshold)
    for (const lag of grid.lag) {
      const options = { hazardTimescale, threshold, lag };
      const changepoints = run.files.map((f) => testRegimeChangepoints(f.scores, f.trainRows, options));
      const { changepoint } = evaluateSkab(
        experiments,
        run.files.map((f) => f.predictions),
        changepoints,
      );
      const random = skabRandomBaseline(
        experiments,
        detectorBudgets(
          run.files.map((f, i) => ({ predictions: f.predictions, changepoints: changepoints[i]! })),
        ),
      );
      const isDefault =
        hazardTimescale === SCORE_CHANGEPOINT_DEFAULTS.hazardTimescale &&
        threshold === SCORE_CHANGEPOINT_DEFAULTS.threshold &&
        lag === SCORE_CHANGEPOINT_DEFAULTS.lag;
      const p = changepoint.profiles;
      const cell = (v: number) => (isDefault ? `**${v.toFixed(2)}**` : v.toFixed(2));
      console.log(
        `| ${hazardTimescale} | ${threshold} | ${lag} | ${cell(p.standard.score)} | ${cell(p.reward_low_FP.score)} | ${cell(p.reward_low_FN.score)} | ${changepoint.missed} | ${changepoint.falsePositives} | ${random.mean.nab_standard.toFixed(2)} ± ${random.std.nab_standard.toFixed(2)} |`,
      );
    }
