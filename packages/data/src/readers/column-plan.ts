import { VigilArgumentError } from "@vigil/core/errors";
import type { ChannelInfo } from "@vigil/core/series";
import { detectEpochUnit, type EpochUnit, tryParseTimestamp } from "@vigil/core/time";
import { parseNumericCell } from "./cells.ts";

import { TIME_NAMES } from "./time-names.ts";

const ISO_START = /^\d{4}-\d\d-\d\d/;

/** Which column is the time axis, which become channels, which are set aside as text. */
export interface ColumnPlan {
  readonly names: readonly string[];
  /** -1 when the file has no time column (rows are then spaced by a fixed period). */
  readonly timeIndex: number;
  readonly epochUnit: EpochUnit | "auto";
  readonly channelIndices: readonly number[];
  readonly channels: readonly ChannelInfo[];
  readonly ignored: readonly string[];
}

export interface ColumnPlanOptions {
  /** Name or 0-based index of the time column; null for none; undefined to detect. */
  timeColumn: string | number | null | undefined;
  epochUnit: EpochUnit | "auto";
  decimalComma: boolean;
}

function resolveTimeColumn(names: readonly string[], timeColumn: string | number): number {
  const index = typeof timeColumn === "number" ? timeColumn : names.indexOf(timeColumn);
  if (index < 0 || index >= names.length) {
    throw new VigilArgumentError(
      `Expected timeColumn to name one of the columns (${names.join(", ")}) but received ${JSON.stringify(timeColumn)}`,
    );
  }
  return index;
}

/**
 * Decides the column roles from the header names and sample rows: the time column is the first
 * whose sampled cells are mostly ISO date-times, else one named like a time whose cells are epoch
 * numbers; a column becomes a channel when most of its sampled cells are numeric (or missing/boolean).
 */
export function planColumns(
  names: readonly string[],
  sample: readonly (readonly string[])[],
  options: ColumnPlanOptions,
): ColumnPlan {
  const cells = (c: number): string[] =>
    sample.map((record) => record[c] ?? "").filter((cell) => cell.trim() !== "");
  // Majorities, not unanimity: a malformed cell among the sampled rows must be reported as a row
  // error later, not turn its whole column into text.
  const share = (c: number, test: (cell: string) => boolean): number => {
    const values = cells(c);
    return values.length === 0 ? 1 : values.filter(test).length / values.length;
  };
  const numeric = names.map(
    (_, c) => share(c, (cell) => parseNumericCell(cell, options.decimalComma) !== undefined) >= 0.5,
  );
  const isIso = (cell: string): boolean => ISO_START.test(cell) && tryParseTimestamp(cell) !== undefined;
  let timeIndex = -1;
  if (options.timeColumn !== undefined && options.timeColumn !== null) {
    timeIndex = resolveTimeColumn(names, options.timeColumn);
  } else if (options.timeColumn === undefined) {
    timeIndex = names.findIndex((_, c) => cells(c).length > 0 && share(c, isIso) >= 0.5);
    if (timeIndex < 0) timeIndex = names.findIndex((name, c) => TIME_NAMES.test(name.trim()) && numeric[c]);
  }
  let epochUnit = options.epochUnit;
  if (timeIndex >= 0 && epochUnit === "auto") {
    // One unit per column, from its first value, so a column is never read in mixed units.
    const first = cells(timeIndex)[0];
    if (first !== undefined && !ISO_START.test(first) && Number.isFinite(Number(first))) {
      epochUnit = detectEpochUnit(Number(first));
    }
  }
  const channelIndices: number[] = [];
  const ignored: string[] = [];
  names.forEach((name, c) => {
    if (c === timeIndex) return;
    if (numeric[c]) channelIndices.push(c);
    else ignored.push(name);
  });
  return {
    names,
    timeIndex,
    epochUnit,
    channelIndices,
    channels: channelIndices.map((c) => ({ name: names[c]!, kind: "other" })),
    ignored,
  };
}
