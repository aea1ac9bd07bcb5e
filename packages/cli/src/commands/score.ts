import { writeFile } from "node:fs/promises";
import type { Series } from "@vigil/core";
import { VigilError } from "@vigil/core/errors";
import { formatTimestamp } from "@vigil/core/time";
import type { ModelCalibration, ScoredEvent, ScoreResult } from "@vigil/detect";
import type { Command } from "commander";
import { anomalyPlot } from "../plot/index.ts";
import { readWithProgress } from "../progress/read-with-progress.ts";
import { stepProgress } from "../progress/step-progress.ts";
import { modelsDir } from "../workspace/model-home.ts";

export interface ScoreFlags {
  model: string;
  data: string;
  out?: string;
  events?: string;
  plot?: string;
  channels?: string;
  home?: string;
  json?: boolean;
}

export interface ScoreRun {
  readonly series: Series;
  readonly scores: ScoreResult;
  readonly calibration: ModelCalibration;
  readonly events: readonly ScoredEvent[];
}

/** Quotes a CSV cell when it needs it (RFC 4180). */
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const num = (v: number) => (Number.isNaN(v) ? "" : String(v));

/**
 * One row per step: time, score, its components, the channels' contributions, and the event the
 * step belongs to (1-based; empty outside events). Missing values are empty cells.
 */
function scoresCsv(run: ScoreRun): string {
  const { series, scores, events } = run;
  const components = Object.keys(scores.components);
  const eventOf = new Int32Array(series.timestamps.length);
  for (const [i, e] of events.entries()) eventOf.fill(i + 1, e.first.step, e.last.step + 1);
  const header = [
    "time",
    "score",
    ...components,
    ...scores.channels.map((c) => `contribution:${c}`),
    "event",
  ].map(csvCell);
  const lines = [header.join(",")];
  for (let t = 0; t < series.timestamps.length; t++) {
    lines.push(
      [
        formatTimestamp(series.timestamps[t]!),
        num(scores.score[t]!),
        ...components.map((name) => num(scores.components[name]![t]!)),
        ...scores.channelContributions.map((x) => num(x[t]!)),
        eventOf[t] === 0 ? "" : String(eventOf[t]),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Events as JSON: ISO times, steps, peak, onset, the score's phase changes and the channel ranking. */
function eventsJson(run: ScoreRun, modelId: string): string {
  const time = (p: { step: number; timestamp: bigint }) => ({
    step: p.step,
    time: formatTimestamp(p.timestamp),
  });
  return `${JSON.stringify(
    {
      model: modelId,
      threshold: run.calibration.threshold,
      rule: run.calibration.rule,
      events: run.events.map((e, i) => ({
        id: i + 1,
        start: time(e.first),
        end: time(e.last),
        onset: time(e.onset),
        peak: { ...time(e.peak), score: e.peak.score },
        phases: e.phases.map(time),
        ranking: e.ranking,
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * `vigil score`: loads a model from the registry, scores a file with it, and raises events with the
 * alert rules the model was calibrated with, each with its root-cause ranking and onset.
 */
export async function scoreCommand(flags: ScoreFlags): Promise<ScoreRun> {
  const { ModelRegistry } = await import("@vigil/detect/registry");
  const { scoredEvents } = await import("@vigil/detect/events");
  const registry = new ModelRegistry({ dir: modelsDir(flags.home) });
  const { card, detector } = await registry.load(flags.model);
  try {
    const calibration = card.calibration;
    if (calibration === undefined) {
      throw new VigilError(
        "VIGIL_ERR_NOT_CALIBRATED",
        `Model "${card.id}" was saved without an alarm calibration; train it with \`vigil train\``,
      );
    }
    const series = await readWithProgress(flags.data);
    const progress = stepProgress(`scoring with ${card.id}`, "windows");
    const scores = await detector
      .score(series, { onProgress: (p) => progress.update(p.done, p.total) })
      .finally(() => progress.stop());
    const run: ScoreRun = {
      series,
      scores,
      calibration,
      events: scoredEvents(series.timestamps, scores, calibration),
    };
    if (flags.out !== undefined) await writeFile(flags.out, scoresCsv(run));
    if (flags.events !== undefined) await writeFile(flags.events, eventsJson(run, card.id));
    if (flags.plot !== undefined) {
      const chosen = flags.channels
        ?.split(",")
        .map((c) => c.trim())
        .filter((c) => c !== "");
      await writeFile(
        flags.plot,
        anomalyPlot({
          title: `${card.id} on ${flags.data}`,
          series,
          scores,
          calibration,
          events: run.events,
          channels: chosen ?? defaultChannels(run),
        }),
      );
    }
    if (flags.json) process.stdout.write(eventsJson(run, card.id));
    else console.log(eventSummary(run, card.id));
    return run;
  } finally {
    (detector as { dispose?: () => void }).dispose?.();
  }
}

/** Without --channels: the channels ranked first in the events (up to 3), else the model's first 3. */
function defaultChannels(run: ScoreRun): string[] {
  const ranked = [...new Set(run.events.flatMap((e) => e.ranking.slice(0, 1).map((r) => r.channel)))];
  return (ranked.length > 0 ? ranked : run.scores.channels).slice(0, 3);
}

function eventSummary(run: ScoreRun, modelId: string): string {
  const { series, calibration, events } = run;
  const alarmed = events.reduce((a, e) => a + e.last.step - e.first.step + 1, 0);
  const lines = [
    `${modelId}: ${series.timestamps.length} steps scored, threshold ${calibration.threshold.toPrecision(5)} (${calibration.rule}), ${events.length} events over ${alarmed} steps`,
  ];
  events.forEach((e, i) => {
    const top = e.ranking
      .slice(0, 3)
      .map((r) => `${r.channel} ${(100 * r.share).toFixed(0)}%`)
      .join(", ");
    // Phases as times of day: the event's date is on the same line already.
    const phases = e.phases.map((p) => formatTimestamp(p.timestamp).slice(11, 19)).join(", ");
    lines.push(
      `  ${i + 1}. ${formatTimestamp(e.first.timestamp)} to ${formatTimestamp(e.last.timestamp)}  onset ${formatTimestamp(e.onset.timestamp)}  peak ${e.peak.score.toPrecision(4)}  top: ${top}${phases ? `  phases: ${phases}` : ""}`,
    );
  });
  return lines.join("\n");
}

export function registerScore(program: Command): void {
  program
    .command("score")
    .description(
      "Score a file with a saved model: per-step scores, events with root causes and onset, a plot",
    )
    .requiredOption("--model <id>", "a model id from `vigil train`")
    .requiredOption("--data <path>", "data to score: CSV/TSV, JSON Lines, Parquet or Arrow")
    .option("--out <scores.csv>", "per-step score, components, channel contributions and event")
    .option("--events <events.json>", "events with onset, peak and root-cause ranking")
    .option("--plot <plot.svg>", "SVG of the chosen signals, the score, the threshold and shaded events")
    .option("--channels <a,b>", "signals to plot (default: the top-ranked channels of the events)")
    .option("--home <dir>", "Vigil's working directory (default $VIGIL_HOME or ./.vigil)")
    .option("--json", "print the events as JSON")
    .action(async (flags: ScoreFlags) => {
      await scoreCommand(flags);
    });
}
