import { VigilInputError } from "@vigil/core/errors";

/** A markdown table as text cells: the header, then the rows. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface SkabLeaderboard {
  /** "Algorithm | F1 | FAR, % | MAR, %" as published. */
  readonly outlier: TextTable;
  /** "Algorithm | NAB (standard) | NAB (LowFP) | NAB (LowFN) | Missed CPs | FPs" as published. */
  readonly changepoint: TextTable;
}

const OUTLIER_HEADING = "Current leaderboard — outlier detection";
const CHANGEPOINT_HEADING = "Current leaderboard — changepoint detection";

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

/** The first markdown table after the heading line that contains `heading`. */
function tableAfter(text: string, heading: string, source: string): TextTable {
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => l.startsWith("#") && l.includes(heading));
  if (at < 0) throw new VigilInputError(`expected a heading containing "${heading}"`, { source });
  const start = lines.findIndex((l, i) => i > at && l.trim().startsWith("|"));
  if (start < 0 || !/^\|[\s|:-]+\|$/.test(lines[start + 1]?.trim() ?? "")) {
    throw new VigilInputError(`expected a markdown table after "${heading}"`, { source, line: at + 1 });
  }
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.trim().startsWith("|"); i++)
    rows.push(cells(lines[i]!));
  return { header: cells(lines[start]!), rows };
}

/**
 * The published SKAB leaderboard (test parts only), read from the data set's README at run time so the figures
 * printed beside ours are the README's own, never copies.
 */
export function parseSkabLeaderboard(readme: string, source = "SKAB README.md"): SkabLeaderboard {
  const outlier = tableAfter(readme, OUTLIER_HEADING, source);
  const changepoint = tableAfter(readme, CHANGEPOINT_HEADING, source);
  if (outlier.header.length !== 4 || changepoint.header.length !== 6) {
    throw new VigilInputError(
      `expected 4 outlier columns and 6 changepoint columns but found ${outlier.header.length} and ${changepoint.header.length}`,
      { source },
    );
  }
  return { outlier, changepoint };
}
