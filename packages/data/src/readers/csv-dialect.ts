import { tryParseTimestamp } from "@vigil/core/time";
import { parseNumericCell } from "./cells.ts";
import { type Delimiter, parseRecords } from "./csv-records.ts";

export interface CsvDialect {
  readonly delimiter: Delimiter;
  readonly hasHeader: boolean;
  readonly decimalComma: boolean;
}

/** Tried in this order when several split the sample equally consistently: ";" before "," because
 * files that use ";" as separator usually do so because "," is their decimal mark. */
const CANDIDATES: readonly Delimiter[] = ["\t", ";", "|", ","];
const SAMPLE_LINES = 50;

/** Occurrences of `ch` outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) count++;
  }
  return count;
}

/** Share of lines on which `counts` equals its most frequent non-zero value, and that value. */
function consistency(counts: readonly number[]): { share: number; mode: number } {
  const freq = new Map<number, number>();
  for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [value, n] of freq) {
    if (n > best) {
      best = n;
      mode = value;
    }
  }
  return { share: counts.length === 0 ? 0 : best / counts.length, mode };
}

export function detectDelimiter(lines: readonly string[]): Delimiter {
  let chosen: Delimiter | undefined;
  let bestShare = 0;
  for (const candidate of CANDIDATES) {
    const { share } = consistency(lines.map((line) => countOutsideQuotes(line, candidate)));
    // A later candidate must be clearly more consistent to replace an earlier one.
    if (share > bestShare + 0.1 || (chosen === undefined && share >= 0.9)) {
      chosen = candidate;
      bestShare = share;
    }
  }
  if (chosen !== undefined && bestShare >= 0.5) return chosen;
  const spaced = consistency(lines.map((line) => line.trim().split(/[ \t]+/).length - 1));
  return spaced.share >= 0.9 ? " " : ",";
}

const isTimestamp = (cell: string): boolean =>
  /^\d{4}-\d\d-\d\d/.test(cell) && tryParseTimestamp(cell) !== undefined;

/**
 * A header is assumed when, in some column, the data rows are numbers or timestamps but the first
 * row is not, and no column has a number in the first row where the data rows have numbers too.
 */
export function detectHeader(records: readonly (readonly string[])[], decimalComma: boolean): boolean {
  const isNumber = (cell: string): boolean => parseNumericCell(cell, decimalComma) !== undefined;
  const [first, ...data] = records;
  if (first === undefined) return false;
  if (data.length === 0)
    return first.some((cell) => cell.trim() !== "" && !isNumber(cell) && !isTimestamp(cell));
  let votes = 0;
  first.forEach((head, c) => {
    const cells = data.map((record) => record[c] ?? "").filter((cell) => cell.trim() !== "");
    if (cells.length === 0) return;
    if (cells.every(isNumber)) votes += isNumber(head) ? -1 : 1;
    else if (cells.every(isTimestamp)) votes += isTimestamp(head) ? -1 : 1;
  });
  return votes > 0;
}

/** Decimal comma: with a delimiter other than ",", cells like "3,14" occur and "3.14" does not. */
export function detectDecimalComma(records: readonly (readonly string[])[], delimiter: Delimiter): boolean {
  if (delimiter === ",") return false;
  let comma = 0;
  let point = 0;
  for (const record of records) {
    for (const cell of record) {
      if (/^[+-]?\d*,\d+$/.test(cell)) comma++;
      else if (/^[+-]?\d*\.\d+(e[+-]?\d+)?$/i.test(cell)) point++;
    }
  }
  return comma > 0 && point === 0;
}

/** Detects delimiter, header and decimal mark from the first bytes of a file. */
export function sniffDialect(sample: string, complete: boolean): CsvDialect {
  const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
  const all = text.split("\n");
  const lines = (complete ? all : all.slice(0, -1))
    .slice(0, SAMPLE_LINES)
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line.trim() !== "");
  const delimiter = detectDelimiter(lines);
  const records = parseRecords(text, delimiter, complete).records.slice(0, SAMPLE_LINES);
  const decimalComma = detectDecimalComma(records, delimiter);
  return { delimiter, hasHeader: detectHeader(records, decimalComma), decimalComma };
}
