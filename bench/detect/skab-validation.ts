/**
 * A validation set for the SKAB runner's free choices that reads no SKAB test label: synthetic fault episodes
 * injected into SKAB's anomaly-free run (a file the SKAB protocol never uses), labelled the way SKAB's README
 * describes its own labels — `anomaly` over the episode, changepoints at its start, the end of its build-up, the
 * start of its recovery and its end (the first normal row). The runner's choices (dating alarms from their onset,
 * and how changepoints are read) are compared here, and only here; the SKAB test parts are then scored once.
 *
 * The anomaly-free run (9,405 rows at ~1 Hz) is cut into 8 experiments of 1,150 rows (400 train + 750 test, as
 * SKAB's ~1,150-row files). Each gets one episode per fault kind, in a fresh copy:
 * - valve: 2–3 of current / pressure / flow / vibration shifted by 3–8 robust SDs, 30–60 s ramps in and out;
 * - step: both vibration channels stepped by 3–8 SDs, abruptly (2 changepoints);
 * - rise: a temperature channel rising linearly for 60–120 s to 3–8 SDs, held, then dropped back (3 changepoints);
 * - noise: the vibration channels' deviations from their median multiplied by 2–4 (2 changepoints).
 * Episodes start 150–250 s into the test part and last 200–450 s. Sizes are drawn from a seeded RNG.
 *
 * Run: nice node --import tsx bench/detect/skab-validation.ts [--detector vae] [--seed 1] [--config '{"encoder":"lstm"}']
 *      [--dating both|crossing|onset]
 */
import { parseArgs } from "node:util";
import { createRng, type Rng } from "@vigil/core/random";
import { type Series, sliceByIndex } from "@vigil/core/series";
import { medianAndMad } from "@vigil/core/stats";
import { loadSkabAnomalyFree, SKAB_TRAIN_ROWS, type SkabExperiment } from "@vigil/data/datasets";
import {
  benchmarkDetectorNames,
  evaluateSkab,
  runSkab,
  skabRow,
  testRegimeChangepoints,
} from "@vigil/detect/benchmark";
import { createDetector, type DetectorConfig } from "@vigil/detect/catalog";

const DIR = new URL("../../../shared/data/skab/", import.meta.url).pathname;
const FILE_ROWS = 1150;
const KINDS = ["valve", "step", "rise", "noise"] as const;
type Kind = (typeof KINDS)[number];

const { values: flags } = parseArgs({
  options: {
    detector: { type: "string", default: "vae" },
    seed: { type: "string", default: "1" },
    config: { type: "string", default: "{}" },
    dating: { type: "string", default: "both" },
    "mean-prior-weights": { type: "string", default: "" },
  },
});

/** Median and robust SD (scaled MAD; the SD where quantised values make the MAD 0). */
function robustSd(values: Float64Array): { median: number; sd: number } {
  const { median, mad } = medianAndMad(values, { scaled: true });
  if (mad > 0) return { median, sd: mad };
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return { median, sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length) || 1 };
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng.uniform();
const channel = (series: Series, name: string) => series.channels.findIndex((c) => c.name === name);

/** One experiment: a copy of `base` with a `kind` episode in its test part, and SKAB-style labels. */
function inject(base: Series, kind: Kind, rng: Rng, name: string): SkabExperiment {
  const values = base.values.map((v) => Float64Array.from(v));
  const testRows = FILE_ROWS - SKAB_TRAIN_ROWS;
  const start = SKAB_TRAIN_ROWS + Math.round(between(rng, 150, 250));
  const end = Math.min(start + Math.round(between(rng, 200, 450)), SKAB_TRAIN_ROWS + testRows - 61);
  const size = between(rng, 3, 8);
  const sign = rng.uniform() < 0.5 ? -1 : 1;
  const stats = values.map((v) => robustSd(v.subarray(0, SKAB_TRAIN_ROWS)));
  const changepoints: number[] = [];
  const shift = (c: number, profile: (i: number) => number) => {
    for (let i = start; i < end; i++) values[c]![i]! += sign * size * stats[c]!.sd * profile(i);
  };
  const vibration = [channel(base, "Accelerometer1RMS"), channel(base, "Accelerometer2RMS")];
  if (kind === "valve") {
    const ramp = Math.round(between(rng, 30, 60));
    const pool = ["Current", "Pressure", "Volume Flow RateRMS", "Accelerometer1RMS", "Accelerometer2RMS"];
    const count = rng.uniform() < 0.5 ? 2 : 3;
    const chosen = pool
      .map((n) => ({ n, u: rng.uniform() }))
      .sort((a, b) => a.u - b.u)
      .slice(0, count);
    for (const { n } of chosen)
      shift(channel(base, n), (i) => Math.min(1, (i - start + 1) / ramp, (end - i) / ramp));
    changepoints.push(start, start + ramp, end - ramp, end);
  } else if (kind === "step") {
    for (const c of vibration) shift(c, () => 1);
    changepoints.push(start, end);
  } else if (kind === "rise") {
    const ramp = Math.round(between(rng, 60, 120));
    shift(channel(base, rng.uniform() < 0.5 ? "Temperature" : "Thermocouple"), (i) =>
      Math.min(1, (i - start + 1) / ramp),
    );
    changepoints.push(start, start + ramp, end);
  } else {
    const gain = between(rng, 2, 4);
    for (const c of vibration)
      for (let i = start; i < end; i++)
        values[c]![i] = stats[c]!.median + gain * (values[c]![i]! - stats[c]!.median);
    changepoints.push(start, end);
  }
  const series: Series = { ...base, values, labels: [] };
  const flagsOf = (marks: (i: number) => boolean, from: number, to: number) =>
    Uint8Array.from({ length: to - from }, (_, k) => (marks(from + k) ? 1 : 0));
  const anomalous = (i: number) => i >= start && i < end;
  const isChangepoint = (i: number) => changepoints.includes(i);
  const part = (from: number, to: number) => ({
    series: sliceByIndex(series, from, to),
    anomaly: flagsOf(anomalous, from, to),
    changepoint: flagsOf(isChangepoint, from, to),
  });
  return { name, group: "other", train: part(0, SKAB_TRAIN_ROWS), test: part(SKAB_TRAIN_ROWS, FILE_ROWS) };
}

const free = await loadSkabAnomalyFree(DIR);
const rng = createRng(Number(flags.seed));
const experiments: SkabExperiment[] = [];
for (let f = 0; (f + 1) * FILE_ROWS <= free.timestamps.length; f++) {
  const base = sliceByIndex(free, f * FILE_ROWS, (f + 1) * FILE_ROWS);
  for (const kind of KINDS) experiments.push(inject(base, kind, rng, `${kind}/${f}`));
}
const windows = experiments.reduce((a, e) => a + e.test.changepoint.reduce((s, v) => s + v, 0), 0);
console.log(
  `${experiments.length} synthetic experiments from SKAB's anomaly-free run (seed ${flags.seed}), ${windows} changepoints`,
);

const fmt = (v: number, d = 2) => v.toFixed(d);
console.log(
  "| detector | alarms dated from | F1 | FAR % | MAR % | NAB std (score regimes) | missed/FPs | NAB std (alarm edges) | missed/FPs |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
const config = JSON.parse(flags.config as string) as DetectorConfig;
const datings = { both: [true, false], onset: [true], crossing: [false] }[flags.dating as string];
if (datings === undefined) throw new Error(`--dating: expected both, onset or crossing, got ${flags.dating}`);
for (const name of benchmarkDetectorNames(flags.detector as string)) {
  for (const dateFromOnset of datings) {
    const run = await runSkab(experiments, () => createDetector(name, config), {
      dateFromOnset,
      onFile: (p) => process.stderr.write(`\r[${name}, onset ${dateFromOnset}] ${p.index}/${p.total}   `),
    });
    process.stderr.write("\n");
    const regimes = skabRow(name, run);
    const edges = skabRow(
      name,
      evaluateSkab(
        experiments,
        run.files.map((f) => f.predictions),
      ),
    );
    console.log(
      `| ${name}${flags.config === "{}" ? "" : ` ${flags.config}`} | ${dateFromOnset ? "onset (tail entry)" : "threshold crossing"} | ${fmt(regimes.f1, 3)} | ${fmt(regimes.far)} | ${fmt(regimes.mar)} | ${fmt(regimes.nab_standard)} | ${regimes.missed_cps}/${regimes.fps} | ${fmt(edges.nab_standard)} | ${edges.missed_cps}/${edges.fps} |`,
    );
    // Other weights of the regime model's mean prior, read from the same scores.
    const weights = (flags["mean-prior-weights"] as string).split(",").filter(Boolean).map(Number);
    const byWeight = weights.map((meanPriorWeight) => {
      const changepoints = run.files.map((f) =>
        testRegimeChangepoints(f.scores, f.trainRows, { meanPriorWeight }),
      );
      const row = skabRow(
        name,
        evaluateSkab(
          experiments,
          run.files.map((f) => f.predictions),
          changepoints,
        ),
      );
      return `κ0 ${meanPriorWeight}: NAB ${fmt(row.nab_standard)} (${row.missed_cps}/${row.fps})`;
    });
    if (byWeight.length > 0) console.log(`  ${byWeight.join("; ")}`);
  }
}
