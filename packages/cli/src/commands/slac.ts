import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { VigilArgumentError, VigilError } from "@vigil/core/errors";
import { expectInteger, expectNumber, expectOneOf } from "@vigil/core/validate";
import {
  type Confusion,
  eventSvg,
  judgeSlacEvent,
  prCurveSvg,
  runSimulatedBench,
  type SimulatedBench,
  SLAC_PAPER_THRESHOLD,
  type SlacEventVerdict,
  stationHistogramSvg,
} from "@vigil/corroborate";
import { loadSlacRf, type SlacRfData } from "@vigil/data/datasets";
import type { Command } from "commander";

const log = (message: string): void => {
  process.stderr.write(`[slac] ${message}\n`);
};

/** The paper's confusion-matrix layout (Tables 1-2). */
function confusionTable(title: string, c: Confusion): string {
  const row = (name: string, a: number, b: number) =>
    `  ${name.padEnd(24)}${String(a).padStart(10)}${String(b).padStart(14)}`;
  return [
    title,
    `  ${"".padEnd(24)}${"True class".padStart(17)}`,
    `  ${"".padEnd(24)}${"Anomaly".padStart(10)}${"No anomaly".padStart(14)}`,
    row("Predicted Anomaly", c.tp, c.fp),
    row("Predicted No anomaly", c.fn, c.tn),
  ].join("\n");
}

function benchReport(r: SimulatedBench): Record<string, unknown> {
  const { ampl, amm, background, run } = r;
  return {
    seed: r.simulation.options.seed,
    hours: r.simulation.options.durationSeconds / 3600,
    injected_anomalies: r.simulation.truth.anomalies.length,
    precision_amm_only: amm.alone.precision,
    anomalies_amm_only: amm.alone.tp,
    precision_amm_bpm: amm.withBeam.precision,
    recall_amm_bpm: amm.withBeam.recall,
    anomalies_amm_bpm: amm.withBeam.tp,
    threshold_amm_bpm: amm.threshold,
    confusion_amm_bpm: { tp: amm.withBeam.tp, fp: amm.withBeam.fp, fn: amm.withBeam.fn, tn: amm.withBeam.tn },
    precision_ampl_only: ampl.alone.precision,
    precision_ampl_bpm: ampl.withBeam.precision,
    recall_ampl_bpm: ampl.withBeam.recall,
    anomalies_ampl_bpm: ampl.withBeam.tp,
    confusion_ampl_bpm: {
      tp: ampl.withBeam.tp,
      fp: ampl.withBeam.fp,
      fn: ampl.withBeam.fn,
      tn: ampl.withBeam.tn,
    },
    f1_best: ampl.withBeam.f1,
    threshold_best_f1: ampl.threshold,
    pr_curve_ampl: ampl.pr.map((p) => ({ threshold: p.threshold, precision: p.precision, recall: p.recall })),
    candidates: { ampl: ampl.candidates, amm: amm.candidates },
    dropped_multi_station: { ampl: run.ampl.droppedMultiStation, amm: run.amm.droppedMultiStation },
    dropped_no_beam: { ampl: run.ampl.droppedNoBeam, amm: run.amm.droppedNoBeam },
    corroboration_ampl: countBy(run.ampl.candidates.map((c) => c.corroboration ?? "")),
    corroboration_amm: countBy(run.amm.candidates.map((c) => c.corroboration ?? "")),
    ignored_amm_blocks: run.ignoredStatusBlocks.length,
    background_false_positive_rate: background,
    target_rate_threshold: {
      background_rate: r.targetRate.rate,
      threshold: r.targetRate.threshold,
      precision_ampl_bpm: r.targetRate.ampl.precision,
      recall_ampl_bpm: r.targetRate.ampl.recall,
    },
    quality: run.quality,
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

function printBench(r: SimulatedBench): void {
  const { ampl, amm, background, run } = r;
  const o = r.simulation.options;
  console.log(
    `SLAC two-stage corroboration on the RF/beam simulator (seed ${o.seed}, ${o.durationSeconds / 3600} h, ${o.stations} stations)`,
  );
  for (const q of run.quality) console.log(`  quality: ${q.detail}`);
  console.log(`  AMM blocks ignored (>10 % unhealthy): ${run.ignoredStatusBlocks.length}`);
  console.log(
    `  candidates: AMM ${amm.candidates}, AMPL ${ampl.candidates} (dropped multi-station ${run.amm.droppedMultiStation} / ${run.ampl.droppedMultiStation}, no good beam ${run.amm.droppedNoBeam} / ${run.ampl.droppedNoBeam})`,
  );
  console.log("");
  console.log(
    confusionTable(
      `Table 1: BPM corroboration of AMM-based candidates (τ = ${amm.threshold.toFixed(3)}, best F1)`,
      amm.withBeam,
    ),
  );
  console.log("");
  console.log(
    confusionTable(
      `Table 2: BPM corroboration of AMPL-based candidates (τ = ${ampl.threshold.toFixed(3)}, best F1)`,
      ampl.withBeam,
    ),
  );
  console.log("");
  console.log("Table 3: precision and anomalies found");
  console.log(`  ${"".padEnd(12)}${"Precision".padStart(10)}${"Anomalies found".padStart(18)}`);
  for (const [name, c] of [
    ["AMM-only", amm.alone],
    ["AMM+BPM", amm.withBeam],
    ["AMPL+BPM", ampl.withBeam],
  ] as const) {
    console.log(`  ${name.padEnd(12)}${c.precision.toFixed(2).padStart(10)}${String(c.tp).padStart(18)}`);
  }
  console.log("");
  console.log(
    `PR curve (AMPL candidates): best F1 ${ampl.withBeam.f1.toFixed(3)} at τ = ${ampl.threshold.toFixed(3)}; precision ${ampl.withBeam.precision.toFixed(3)}, recall ${ampl.withBeam.recall.toFixed(3)}`,
  );
  console.log(
    `Random background windows over τ: ${background.exceeded} / ${background.windows} = ${(100 * background.rate).toFixed(1)} % (1σ Wilson ${(100 * background.low).toFixed(1)}–${(100 * background.high).toFixed(1)} %)`,
  );
  const t = r.targetRate;
  console.log(
    `Label-free τ = ${t.threshold.toFixed(3)} for a ${(100 * t.rate).toFixed(1)} % background rate: AMPL+BPM precision ${t.ampl.precision.toFixed(3)}, recall ${t.ampl.recall.toFixed(3)}`,
  );
}

function writeBenchPlots(r: SimulatedBench, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, svg: string): void => {
    writeFileSync(join(dir, name), svg);
    files.push(join(dir, name));
  };
  const { ampl, run, simulation } = r;
  const best = ampl.pr.find((p) => p.threshold === ampl.threshold)!;
  write(
    "pr-curve-ampl.svg",
    prCurveSvg(ampl.pr, best, ampl.anomalies / Math.max(1, ampl.candidates), "AMPL candidates + beam"),
  );
  // The station with the most confirmed anomalies, binned by hour (the simulation spans hours, not weeks).
  const confirmed = (source: "ampl" | "amm", tau: number) =>
    run[source].candidates.filter((_, i) => run[source].maxima[i]! >= tau);
  const amplConfirmed = confirmed("ampl", ampl.threshold);
  const ammConfirmed = confirmed("amm", r.amm.threshold);
  const counts = countBy([...amplConfirmed, ...ammConfirmed].map((c) => c.stations[0]!));
  const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0];
  if (top !== undefined) {
    const times = (list: typeof amplConfirmed) => list.filter((c) => c.stations[0] === top).map((c) => c.end);
    write(
      "station-histogram.svg",
      stationHistogramSvg(
        top,
        [
          { source: "AMPL", times: times(amplConfirmed), color: "#c0392b" },
          { source: "AMM", times: times(ammConfirmed), color: "#2e86c1" },
        ],
        simulation.options.startNs,
        3600,
        "hour",
      ),
    );
  }
  const kinds = ["fault", "sustained"] as const;
  for (const kind of kinds) {
    const a = simulation.truth.anomalies.find(
      (x) =>
        x.kind === kind &&
        run.ampl.candidates.some(
          (c) =>
            c.stations[0] === simulation.stations[x.station]!.name &&
            c.start <= x.onsetNs &&
            c.end >= x.onsetNs,
        ),
    );
    if (a === undefined) continue;
    const station = simulation.stations[a.station]!;
    const c = run.ampl.candidates.find(
      (x) => x.stations[0] === station.name && x.start <= a.onsetNs && x.end >= a.onsetNs,
    )!;
    write(
      `event-${kind}.svg`,
      eventSvg({
        title: `Simulated ${kind} at ${station.name}: AMPL`,
        diagnostic: station.amplitude,
        diagnosticName: "AMPL (MV)",
        beam: run.beam,
        window: c,
        fromSeconds: -15,
      }),
    );
  }
  return files;
}

/**
 * Figure 7 on the real labels: hand-labelled anomalies of the station with the most of them, per week,
 * by the diagnostic whose candidate was labelled. A label's station is its candidate's (same window).
 */
function weeklyLabelHistogram(data: SlacRfData): { station: string; svg: string } | undefined {
  const anomalies = (["AMPL", "AMM"] as const).flatMap((source) => {
    const stationOf = new Map(data.candidates[source].map((c) => [`${c.start}/${c.end}`, c.station]));
    return data.labels[source]
      .filter((l) => l.isAnomaly)
      .map((l) => ({ source, end: l.end, station: stationOf.get(`${l.start}/${l.end}`) }));
  });
  const counts = countBy(anomalies.flatMap((a) => (a.station === undefined ? [] : [a.station])));
  const station = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0];
  if (station === undefined) return undefined;
  let origin = data.labels.AMPL[0]?.start ?? 0n;
  for (const l of [...data.labels.AMPL, ...data.labels.AMM]) if (l.start < origin) origin = l.start;
  const times = (source: "AMPL" | "AMM") =>
    anomalies.filter((a) => a.source === source && a.station === station).map((a) => a.end);
  const svg = stationHistogramSvg(
    station,
    [
      { source: "AMPL", times: times("AMPL"), color: "#c0392b" },
      { source: "AMM", times: times("AMM"), color: "#2e86c1" },
    ],
    origin,
    7 * 86400,
    "week",
  );
  return { station, svg };
}

function summariseLabels(data: SlacRfData): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const d of ["AMPL", "AMM"] as const) {
    const labels = data.labels[d];
    summary[d] = {
      labelled_windows: labels.length,
      anomalies: labels.filter((l) => l.isAnomaly).length,
      faults: labels.filter((l) => l.type === "f").length,
      sustained: labels.filter((l) => l.type === "s").length,
      precision_of_diagnostic_alone: labels.filter((l) => l.isAnomaly).length / labels.length,
      candidates: data.candidates[d].length,
      stations: new Set(data.candidates[d].map((c) => c.station)).size,
      corroboration: countBy(data.candidates[d].map((c) => c.corroborate)),
    };
  }
  return summary;
}

export function registerSlac(program: Command): void {
  const slac = program
    .command("slac")
    .description(
      "Two-stage RF-station fault identification (SLAC method): slow diagnostics confirmed by the beam",
    );

  slac
    .command("bench")
    .description("Tables 1-3, the PR curve and the background false-positive rate on the RF/beam simulator")
    .option("--simulate", "run on the RF/beam simulator (the only source this command supports)")
    .option("--seed <n>", "simulator seed", "1")
    .option("--hours <h>", "simulated hours", "4")
    .option("--plots <dir>", "write SVG plots (PR curve, station histogram, event views) here")
    .option("--json", "print a JSON summary")
    .action((flags: { simulate?: boolean; seed: string; hours: string; plots?: string; json?: boolean }) => {
      if (!flags.simulate)
        throw new VigilArgumentError(
          "slac bench needs --simulate (labelled bulk SLAC data is not available here)",
        );
      const seed = expectInteger("--seed", Number(flags.seed), 0, 2 ** 32 - 1);
      const hours = expectNumber("--hours", Number(flags.hours), 0.1);
      const r = runSimulatedBench({ seed, durationSeconds: hours * 3600 }, {}, log);
      const files = flags.plots === undefined ? [] : writeBenchPlots(r, flags.plots);
      if (flags.json) console.log(JSON.stringify({ ...benchReport(r), plots: files }, null, 2));
      else {
        printBench(r);
        for (const f of files) console.log(`plot: ${f}`);
      }
    });

  slac
    .command("classify")
    .description(
      "The supervised dilated 1-D CNN of Appendix E on simulated candidates (needs the native engine)",
    )
    .option("--simulate", "train and test on the RF/beam simulator")
    .option("--seed <n>", "simulator seed", "1")
    .option("--epochs <n>", "training epochs (paper: 240)", "240")
    .option("--split <kind>", "random | time", "random")
    .option("--json", "print JSON")
    .action(
      async (flags: { simulate?: boolean; seed: string; epochs: string; split: string; json?: boolean }) => {
        if (!flags.simulate)
          throw new VigilArgumentError(
            "slac classify needs --simulate (the labelled SLAC arrays are not available here)",
          );
        const seed = expectInteger("--seed", Number(flags.seed), 0, 2 ** 32 - 1);
        const epochs = expectInteger("--epochs", Number(flags.epochs), 1);
        const split = expectOneOf("--split", flags.split, ["random", "time"]);
        // Loaded here so that the rest of the CLI runs without the native engine.
        const { classifySimulated } = await import("@vigil/corroborate/classifier");
        log("simulating, filtering and windowing candidates");
        const r = classifySimulated({
          simulation: { seed },
          split,
          training: {
            epochs,
            seed,
            onEpoch: (e, loss) =>
              (e % 20 === 19 || e === epochs - 1) && log(`epoch ${e + 1}/${epochs}: loss ${loss.toFixed(4)}`),
          },
        });
        if (flags.json) {
          console.log(
            JSON.stringify(
              {
                ...r,
                pr: r.pr.map((p) => ({ threshold: p.threshold, precision: p.precision, recall: p.recall })),
              },
              null,
              2,
            ),
          );
          return;
        }
        console.log(
          `Dilated 1-D CNN (Appendix E), ${split} split, ${r.examples} AMPL candidates × 8 signals × 720 pulses, ${epochs} epochs`,
        );
        console.log(
          `  anomalous: train ${(100 * r.anomalyFraction.train).toFixed(1)} %, test ${(100 * r.anomalyFraction.test).toFixed(1)} %; BCE positive weight ${r.positiveWeight.toFixed(2)}`,
        );
        console.log(
          `  test best F1 ${r.best.f1.toFixed(3)} at p ≥ ${r.best.threshold.toFixed(3)}: precision ${r.best.precision.toFixed(3)}, recall ${r.best.recall.toFixed(3)} (tp ${r.best.tp}, fp ${r.best.fp}, fn ${r.best.fn}, tn ${r.best.tn})`,
        );
      },
    );

  slac
    .command("run")
    .description(
      "Both stages on the SLAC events whose arrays are present; parses all labels and candidate lists",
    )
    .requiredOption("--data <dir>", "the slac_rf data directory")
    .option("--threshold <τ>", "beam-score threshold (default: the paper's 2.848 rescaled to k = 1.4826)")
    .option(
      "--plots <dir>",
      "write an event view per scored event and a weekly histogram of the busiest station's labelled anomalies here",
    )
    .option("--json", "print JSON")
    .action(async (flags: { data: string; threshold?: string; plots?: string; json?: boolean }) => {
      const threshold =
        flags.threshold === undefined
          ? SLAC_PAPER_THRESHOLD
          : expectNumber("--threshold", Number(flags.threshold), 0);
      log(`loading ${flags.data}`);
      const data = await loadSlacRf(flags.data);
      const scorable = data.events.filter((e) => e.bpm !== undefined && e.health !== undefined);
      if (scorable.length === 0) {
        throw new VigilError(
          "VIGIL_ERR_SLAC_NO_ARRAYS",
          `No event in ${flags.data} has its arrays (missing: ${data.missing.join(", ")}); only labels and candidate lists can be read`,
        );
      }
      const verdicts: SlacEventVerdict[] = scorable.map((e) => judgeSlacEvent(e, { threshold }));
      if (flags.plots !== undefined) {
        mkdirSync(flags.plots, { recursive: true });
        for (const e of scorable) {
          const column = e.health!.channels.findIndex((c) => c.name === `${e.station}:AMPL`);
          if (column < 0) continue;
          const path = join(flags.plots, `${e.id}.svg`);
          writeFileSync(
            path,
            eventSvg({
              title: `${e.id} at ${e.station} (hand label: ${e.isAnomaly ? `anomaly ${e.type}` : "none"})`,
              diagnostic: { timestampsNs: e.health!.timestamps, values: e.health!.values[column]! },
              diagnosticName: "AMPL (MV)",
              beam: e.bpm!,
              window: { start: e.candidateStart, end: e.candidateEnd },
              fromSeconds: -17,
            }),
          );
          log(`plot: ${path}`);
        }
        const weekly = weeklyLabelHistogram(data);
        if (weekly !== undefined) {
          const path = join(flags.plots, "station-weekly.svg");
          writeFileSync(path, weekly.svg);
          log(`plot: ${path} (labelled anomalies of ${weekly.station} per week)`);
        }
      }
      const unscored = data.events
        .filter((e) => !scorable.includes(e))
        .map((e) => ({ id: e.id, hand_label: e.isAnomaly, type: e.type ?? null }));
      const agree = verdicts.filter((v) => v.confirmed === v.handLabel).length;
      if (flags.json) {
        console.log(
          JSON.stringify(
            {
              threshold,
              events: verdicts.map((v) => ({
                id: v.id,
                station: v.station,
                score: v.score,
                verdict: v.confirmed ? "anomaly" : "no anomaly",
                hand_label: v.handLabel,
                hand_type: v.handType ?? null,
                ampl_deviation: v.amplitudeDeviation,
                ampl_flagged: v.amplitudeFlagged,
              })),
              reproduced: `${agree}/${verdicts.length}`,
              not_scored_missing_arrays: unscored,
              missing_files: data.missing,
              labels: summariseLabels(data),
            },
            null,
            2,
          ),
        );
        return;
      }
      console.log(`Beam threshold τ = ${threshold.toFixed(3)}`);
      console.log(
        `${"event".padEnd(10)}${"station".padEnd(15)}${"score".padStart(9)}  ${"verdict".padEnd(11)}${"hand label".padEnd(14)}AMPL deviation`,
      );
      for (const v of verdicts) {
        const hand = v.handLabel ? `anomaly (${v.handType ?? "?"})` : "none";
        console.log(
          `${v.id.padEnd(10)}${v.station.padEnd(15)}${v.score.toFixed(2).padStart(9)}  ${(v.confirmed ? "anomaly" : "none").padEnd(11)}${hand.padEnd(14)}${(100 * v.amplitudeDeviation).toFixed(2)} %${v.amplitudeFlagged ? " (flagged)" : ""}`,
        );
      }
      console.log(`Hand labels reproduced: ${agree}/${verdicts.length}`);
      for (const u of unscored)
        console.log(
          `${u.id}: not scored, arrays missing (hand label ${u.hand_label ? `anomaly ${u.type}` : "none"})`,
        );
      const s = summariseLabels(data) as Record<
        string,
        {
          labelled_windows: number;
          anomalies: number;
          candidates: number;
          stations: number;
          corroboration: Record<string, number>;
        }
      >;
      for (const [d, v] of Object.entries(s)) {
        console.log(
          `${d}: ${v.labelled_windows} labelled windows, ${v.anomalies} anomalies (diagnostic-alone precision ${(v.anomalies / v.labelled_windows).toFixed(3)}), ${v.candidates} candidates over ${v.stations} stations, corroboration ${JSON.stringify(v.corroboration)}`,
        );
      }
      console.log(`Missing (cannot be used): ${data.missing.join(", ")}`);
    });
}
