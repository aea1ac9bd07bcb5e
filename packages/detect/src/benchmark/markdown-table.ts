import { VigilInputError } from "@vigil/core/errors";

/** A markdown table as text cells: the header, then the rows. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());

/**
 * The first markdown table after the heading line that contains `heading` (data sets' READMEs publish their
 * leaderboards this way; benchmarks read them at run time so the figures printed beside ours are the README's).
 */
export function markdownTableAfter(text: string, heading: string, source: string): TextTable {
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
