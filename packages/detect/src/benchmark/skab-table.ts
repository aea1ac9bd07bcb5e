import type { TextTable } from "./markdown-table.ts";
import type { SkabLeaderboard } from "./skab-leaderboard.ts";
import type { SkabRandomBaseline } from "./skab-random-baseline.ts";
import type { SkabRow } from "./skab-row.ts";

/** One detector's result with its random-score row, as `vigil bench skab` prints it. */
export interface SkabReportEntry {
  readonly row: SkabRow;
  readonly random: SkabRandomBaseline;
  readonly trainSeconds: number;
}

const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
const withSd = (mean: number, sd: number, digits: number): string =>
  `${fixed(mean, digits)} ± ${fixed(sd, digits)}`;

/** Inserts `ours` before the first published row (after the perfect detector) whose column-1 value is lower. */
function merge(table: TextTable, ours: readonly string[][]): string[][] {
  const rows = table.rows.map((r) => [...r]);
  for (const row of ours) {
    const value = Number.parseFloat(row[1]!);
    let at = rows.findIndex((r, i) => i > 0 && !(Number.parseFloat(r[1]!) >= value));
    if (at < 0) at = rows.length;
    // The null detector closes the published table; keep it last.
    if (at === rows.length && /null detector/i.test(rows[rows.length - 1]?.[0] ?? "")) at--;
    rows.splice(at, 0, row);
  }
  return rows;
}

function markdown(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The README's two current-leaderboard tables with our rows (bold, "ours") and each detector's random-score row
 * inserted where they rank, then the training time of each detector over all files.
 */
export function formatSkabTables(leaderboard: SkabLeaderboard, entries: readonly SkabReportEntry[]): string {
  const outlier: string[][] = [];
  const changepoint: string[][] = [];
  for (const { row, random } of entries) {
    const name = `**Vigil ${row.detector} (ours)**`;
    const randomName = `Random scores at ${row.detector}'s alarm rate (ours, ${random.runs} seeds)`;
    const randomChangepoints = `Random changepoints, as many as ${row.detector}'s per file (ours, ${random.runs} seeds)`;
    const m = random.mean;
    const s = random.std;
    outlier.push([name, fixed(row.f1, 2), fixed(row.far, 2), fixed(row.mar, 2)]);
    outlier.push([randomName, withSd(m.f1, s.f1, 2), withSd(m.far, s.far, 2), withSd(m.mar, s.mar, 2)]);
    changepoint.push([
      name,
      fixed(row.nab_standard, 2),
      fixed(row.nab_lowfp, 2),
      fixed(row.nab_lowfn, 2),
      String(row.missed_cps),
      String(row.fps),
    ]);
    changepoint.push([
      randomChangepoints,
      withSd(m.nab_standard, s.nab_standard, 2),
      withSd(m.nab_lowfp, s.nab_lowfp, 2),
      withSd(m.nab_lowfn, s.nab_lowfn, 2),
      fixed(m.missed_cps, 1),
      fixed(m.fps, 1),
    ]);
  }
  return [
    "### Outlier detection (test parts only; published rows from the SKAB README)",
    markdown(leaderboard.outlier.header, merge(leaderboard.outlier, outlier)),
    "",
    "### Changepoint detection (test parts only, 60 s window to the right of each CP; published rows from the SKAB README)",
    markdown(leaderboard.changepoint.header, merge(leaderboard.changepoint, changepoint)),
    "",
    "### Training time (ours, summed over the training parts of all files)",
    markdown(
      ["Detector", "Train seconds"],
      entries.map((e) => [e.row.detector, fixed(e.trainSeconds, 2)]),
    ),
  ].join("\n");
}
