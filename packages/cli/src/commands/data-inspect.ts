import { stat } from "node:fs/promises";
import { VigilArgumentError } from "@vigil/core/errors";
import { type SeriesSummary, summarizeSeries } from "@vigil/core/series";
import { formatTimestamp, nsToSeconds } from "@vigil/core/time";
import { loadDataset, type NamedSeries } from "@vigil/data/datasets";
import { readSeries } from "@vigil/data/readers";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";

interface InspectFlags {
  json?: boolean;
  strict?: boolean;
}

interface Inspection {
  readonly path: string;
  /** "file" or the recognised data-set layout. */
  readonly kind: string;
  readonly series: readonly { name: string; summary: SeriesSummary }[];
  readonly notes: readonly string[];
}

/** Progress on stderr: a bar on a terminal, a line per 10 % otherwise (logs, CI). */
function progressReporter(label: string): {
  update: (done: number, total: number) => void;
  stop: () => void;
} {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% {value}/{total} MB`,
      stream: process.stderr,
    });
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(Math.ceil(total / 1e6), 0);
        started = true;
        bar.update(Math.floor(done / 1e6));
      },
      stop: () => started && bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    update: (done, total) => {
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      console.error(`${label}: ${(done / 1e6).toFixed(1)} / ${(total / 1e6).toFixed(1)} MB`);
    },
    stop: () => undefined,
  };
}

async function inspect(path: string, strict: boolean): Promise<Inspection> {
  if ((await stat(path)).isDirectory()) {
    const dataset = await loadDataset(path);
    if (dataset === undefined) {
      throw new VigilArgumentError(
        `${path} is a directory of no known data-set layout (SKAB, C-MAPSS, AI4I 2020, SLAC RF, NAB, SMD, UCR)`,
      );
    }
    const summaries = dataset.series.map((s: NamedSeries) => ({
      name: s.name,
      summary: summarizeSeries(s.series),
    }));
    return { path, kind: dataset.layout, series: summaries, notes: dataset.notes };
  }
  const progress = progressReporter("reading");
  const result = await readSeries(path, {
    onError: strict ? "fail" : "skip",
    onProgress: ({ bytesRead, totalBytes }) => progress.update(bytesRead, totalBytes),
  }).finally(progress.stop);
  const notes = [
    `skipped malformed rows: ${result.skippedRows}`,
    ...result.errors.slice(0, 5).map((e) => `  ${e.message}`),
    ...(result.ignoredColumns.length === 0
      ? []
      : [`non-numeric columns not read: ${result.ignoredColumns.join(", ")}`]),
  ];
  return { path, kind: "file", series: [{ name: path, summary: summarizeSeries(result.series) }], notes };
}

function duration(ns: bigint): string {
  const s = nsToSeconds(ns);
  if (s < 120) return `${s.toFixed(3).replace(/\.?0+$/, "")} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

const rate = (hz: number | undefined): string => (hz === undefined ? "–" : `${Number(hz.toPrecision(4))} Hz`);
const labels = (counts: Readonly<Record<string, number>>): string =>
  Object.entries(counts)
    .map(([type, n]) => `${type} ${n}`)
    .join(", ") || "none";

function printText(report: Inspection): void {
  const rows = report.series.reduce((n, s) => n + s.summary.rows, 0);
  console.log(`${report.path}  (${report.kind}; ${report.series.length} series, ${rows} rows)`);
  for (const note of report.notes) console.log(`  ${note}`);
  for (const { name, summary } of report.series) {
    const span =
      summary.start === undefined
        ? "empty"
        : `${formatTimestamp(summary.start)} → ${formatTimestamp(summary.end!)} (${duration(summary.spanNs)})`;
    console.log(
      `\n${name}: ${summary.rows} rows, ${summary.channels.length} channels, ${rate(summary.rateHz)}, ${span}`,
    );
    console.log(`  labels: ${labels(summary.labelCounts)}`);
    // A data set's many series share channels; their table is printed once, for the first.
    if (report.kind !== "file" && name !== report.series[0]?.name) continue;
    const width = Math.max(7, ...summary.channels.map((c) => c.name.length));
    console.log(
      `  ${"channel".padEnd(width)}  ${"kind".padEnd(11)} ${"missing".padStart(8)} ${"rate".padStart(12)} ${"min".padStart(11)} ${"max".padStart(11)}`,
    );
    for (const c of summary.channels) {
      console.log(
        `  ${c.name.padEnd(width)}  ${c.kind.padEnd(11)} ${`${c.missingPct.toFixed(1)}%`.padStart(8)} ${rate(c.rateHz).padStart(12)} ${String(Number(c.min.toPrecision(6))).padStart(11)} ${String(Number(c.max.toPrecision(6))).padStart(11)}`,
      );
    }
  }
}

/** BigInt times become ISO strings (and ns strings) so the report is plain JSON. */
function toJson(report: Inspection): string {
  return JSON.stringify(
    report,
    (key, value) => {
      if (typeof value !== "bigint")
        return typeof value === "number" && !Number.isFinite(value) ? null : value;
      return key === "spanNs" ? value.toString() : formatTimestamp(value);
    },
    2,
  );
}

export function registerDataInspect(program: Command): void {
  const data =
    program.commands.find((c) => c.name() === "data") ??
    program.command("data").description("Inspect and convert data");
  data
    .command("inspect <path>")
    .description(
      "rows, channels, sampling rates, missing %, label counts and time span of a file or a known data-set directory",
    )
    .option("--json", "print the report as JSON")
    .option("--strict", "fail on the first malformed row instead of skipping and counting")
    .action(async (path: string, flags: InspectFlags) => {
      const report = await inspect(path, flags.strict === true);
      if (flags.json) console.log(toJson(report));
      else printText(report);
    });
}
