import { VigilInputError } from "@vigil/core/errors";
import { parseNumericCell } from "../readers/cells.ts";
import { type Delimiter, streamRecords } from "../readers/csv-records.ts";

/** A small delimited file held in memory as text records, for adapters that need text columns too. */
export interface TextTable {
  readonly source: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based file line of each row, for error messages. */
  readonly lines: readonly number[];
}

/** Reads a whole (small) delimited file with a header row; every row must have the header's width. */
export async function readTextTable(path: string, delimiter: Delimiter): Promise<TextTable> {
  const rows: string[][] = [];
  const lines: number[] = [];
  for await (const batch of streamRecords(path, delimiter)) {
    if (batch.unterminatedQuoteLine !== undefined) {
      throw new VigilInputError("expected a closing double quote", {
        source: path,
        line: batch.unterminatedQuoteLine,
      });
    }
    rows.push(...batch.records);
    lines.push(...batch.lines);
  }
  const header = rows.shift();
  lines.shift();
  if (header === undefined)
    throw new VigilInputError("the file is empty; expected a header row", { source: path });
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new VigilInputError(`expected ${header.length} fields but found ${row.length}`, {
        source: path,
        line: lines[r]!,
      });
    }
  });
  return { source: path, header: header.map((h) => h.trim()), rows, lines };
}

/** Index of a required column, or an input error naming the columns there are. */
export function columnIndex(table: TextTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new VigilInputError(`expected a column "${name}"; found ${table.header.join(", ")}`, {
      source: table.source,
      line: 1,
    });
  }
  return index;
}

/** A cell run through `parse`, or an input error naming line, column and what was `expected`. */
export function cellAt<T>(
  table: TextTable,
  row: number,
  column: number,
  parse: (cell: string) => T | undefined,
  expected: string,
): T {
  const cell = table.rows[row]![column]!;
  const value = parse(cell);
  if (value === undefined) {
    throw new VigilInputError(`expected ${expected} but found "${cell.slice(0, 40)}"`, {
      source: table.source,
      line: table.lines[row]!,
      column: table.header[column]!,
    });
  }
  return value;
}

/** A numeric cell of a table (empty / NA = NaN). */
export function numberAt(table: TextTable, row: number, column: number): number {
  return cellAt(table, row, column, (cell) => parseNumericCell(cell, false), "a number");
}
