import { open, stat } from "node:fs/promises";
import { VigilInputError } from "@vigil/core/errors";
import { type AssetRef, SeriesBuilder } from "@vigil/core/series";
import { type EpochUnit, formatTimestamp, tryParseTimestamp } from "@vigil/core/time";
import { expectOneOf, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { parseNumericCell } from "./cells.ts";
import { type ColumnPlan, planColumns } from "./column-plan.ts";
import { type CsvDialect, sniffDialect } from "./csv-dialect.ts";
import { type Delimiter, parseRecords, streamRecords } from "./csv-records.ts";
import type { ProgressCallback } from "./progress.ts";
import type { ReadResult } from "./read-result.ts";
import { ON_ERROR_POLICIES, type OnError, RowErrorLog } from "./row-errors.ts";

export interface CsvOptions {
  /** Default "auto": the most consistent of `\t ; | ,` on the first lines, else runs of whitespace. */
  delimiter: Delimiter | "auto";
  hasHeader: boolean | "auto";
  /** Default "auto": on when cells like "3,14" appear (never with "," as delimiter). */
  decimalComma: boolean | "auto";
  /** Name or 0-based index of the time column; null for none; undefined (default) to detect. */
  timeColumn: string | number | null | undefined;
  /** Unit of epoch-number timestamps; "auto" (default) decides from the first value's magnitude. */
  epochUnit: EpochUnit | "auto";
  /** Offset of zone-less date-times, minutes east of UTC. Default 0 (UTC). */
  defaultOffsetMinutes: number;
  /** Spacing of rows when there is no time column. Default 1 s (row k at k seconds). */
  rowPeriodNs: bigint;
  /** Malformed rows: "fail" (default) throws VigilInputError, "skip" counts and reports them. */
  onError: OnError;
  onProgress: ProgressCallback | undefined;
  asset: AssetRef | undefined;
  /** Bytes read per step; memory use is a small multiple of this. Default 1 MiB. */
  chunkBytes: number;
}

export interface CsvChunkOptions extends CsvOptions {
  /** Rows per yielded Series. Default 65,536. */
  chunkRows: number;
}

export interface CsvReadResult extends ReadResult {
  readonly dialect: CsvDialect;
}

/** One piece of a file read in chunks; counts are cumulative up to and including this chunk. */
export interface CsvChunk extends CsvReadResult {
  readonly bytesRead: number;
  readonly totalBytes: number;
}

const CSV_DEFAULTS: CsvChunkOptions = {
  delimiter: "auto",
  hasHeader: "auto",
  decimalComma: "auto",
  timeColumn: undefined,
  epochUnit: "auto",
  defaultOffsetMinutes: 0,
  rowPeriodNs: 1_000_000_000n,
  onError: "fail",
  onProgress: undefined,
  asset: undefined,
  chunkBytes: 1 << 20,
  chunkRows: 65_536,
};

const SNIFF_BYTES = 64 * 1024;
const SAMPLE_ROWS = 200;

async function readHead(path: string, bytes: number): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** Header names trimmed, blanks named by position, repeats made unique ("x", "x_2"). */
function columnNames(header: readonly string[] | undefined, width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: header?.length ?? width }, (_, c) => {
    const base = header?.[c]?.trim() || `col${c + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

/** Reads a delimited text file in chunks of `chunkRows` rows (bounded memory for any file size). */
export async function* readCsvChunks(
  path: string,
  options?: Partial<CsvChunkOptions>,
): AsyncGenerator<CsvChunk> {
  const o = withDefaults("readCsv options", CSV_DEFAULTS, options);
  expectOneOf("onError", o.onError, ON_ERROR_POLICIES);
  expectPositiveInteger("chunkRows", o.chunkRows);
  expectPositiveInteger("chunkBytes", o.chunkBytes);
  const totalBytes = (await stat(path)).size;
  const head = await readHead(path, SNIFF_BYTES);
  if (head.trim() === "")
    throw new VigilInputError("the file is empty; expected a header or data rows", { source: path });
  const complete = totalBytes <= SNIFF_BYTES;
  const sniffed = sniffDialect(head, complete);
  const dialect: CsvDialect = {
    delimiter: o.delimiter === "auto" ? sniffed.delimiter : o.delimiter,
    hasHeader: o.hasHeader === "auto" ? sniffed.hasHeader : o.hasHeader,
    decimalComma: o.decimalComma === "auto" ? sniffed.decimalComma : o.decimalComma,
  };
  const sample = parseRecords(head, dialect.delimiter, complete).records;
  const header = dialect.hasHeader ? sample[0] : undefined;
  const names = columnNames(header, sample[0]?.length ?? 0);
  const plan = planColumns(names, sample.slice(dialect.hasHeader ? 1 : 0, SAMPLE_ROWS), {
    timeColumn: o.timeColumn,
    epochUnit: o.epochUnit,
    decimalComma: dialect.decimalComma,
  });
  yield* parseRows(path, o, dialect, plan, totalBytes);
}

async function* parseRows(
  path: string,
  o: CsvChunkOptions,
  dialect: CsvDialect,
  plan: ColumnPlan,
  totalBytes: number,
): AsyncGenerator<CsvChunk> {
  const log = new RowErrorLog(o.onError);
  const builder = new SeriesBuilder(plan.channels, Math.min(o.chunkRows, 65_536));
  const row = new Float64Array(plan.channelIndices.length);
  const width = plan.names.length;
  const columnOf = (c: number): string | number => (dialect.hasHeader ? (plan.names[c] ?? c + 1) : c + 1);
  // Declared once, not per row: a closure per row is measurable on gigabyte files.
  let line = 0;
  const reject = (message: string, column: string | number): void =>
    log.reject(new VigilInputError(message, { source: path, line, column }));
  const timeOptions = { epochUnit: plan.epochUnit, defaultOffsetMinutes: o.defaultOffsetMinutes };
  let headerPending = dialect.hasHeader;
  let kept = 0;
  let previous: bigint | undefined;
  let bytesRead = 0;
  let yielded = false;
  let skippedAtLastYield = 0;
  const chunk = (): CsvChunk => {
    yielded = true;
    skippedAtLastYield = log.skipped;
    return {
      series: builder.build(o.asset === undefined ? {} : { asset: o.asset }),
      source: path,
      skippedRows: log.skipped,
      errors: [...log.samples],
      ignoredColumns: plan.ignored,
      dialect,
      bytesRead,
      totalBytes,
    };
  };

  for await (const batch of streamRecords(path, dialect.delimiter, o.chunkBytes)) {
    bytesRead = batch.bytesRead;
    const { records, lines } = batch;
    for (let r = 0; r < records.length; r++) {
      const fields = records[r]!;
      line = lines[r]!;
      if (headerPending) {
        headerPending = false;
        continue;
      }
      if (fields.length !== width) {
        reject(
          `expected ${width} fields separated by ${JSON.stringify(dialect.delimiter)} but found ${fields.length}`,
          fields.length < width ? columnOf(fields.length) : fields.length,
        );
        continue;
      }
      let timestamp: bigint;
      if (plan.timeIndex >= 0) {
        const cell = fields[plan.timeIndex]!;
        const parsed = tryParseTimestamp(cell, timeOptions);
        if (parsed === undefined) {
          reject(
            `expected a timestamp (ISO-8601 or epoch number) but found "${cell.slice(0, 40)}"`,
            columnOf(plan.timeIndex),
          );
          continue;
        }
        if (previous !== undefined && parsed < previous) {
          reject(
            `expected timestamps in non-decreasing order but ${formatTimestamp(parsed)} follows ${formatTimestamp(previous)}; sort the file first`,
            columnOf(plan.timeIndex),
          );
          continue;
        }
        timestamp = parsed;
      } else {
        timestamp = BigInt(kept) * o.rowPeriodNs;
      }
      let bad = false;
      for (let k = 0; k < row.length; k++) {
        const c = plan.channelIndices[k]!;
        const value = parseNumericCell(fields[c]!, dialect.decimalComma);
        if (value === undefined) {
          reject(
            `expected a number (or empty / NA / NaN for missing) but found "${fields[c]!.slice(0, 40)}"`,
            columnOf(c),
          );
          bad = true;
          break;
        }
        row[k] = value;
      }
      if (bad) continue;
      previous = timestamp;
      builder.append(timestamp, row);
      kept++;
      if (builder.length >= o.chunkRows) yield chunk();
    }
    if (batch.unterminatedQuoteLine !== undefined) {
      log.reject(
        new VigilInputError("expected a closing double quote before the end of the file", {
          source: path,
          line: batch.unterminatedQuoteLine,
        }),
      );
    }
    o.onProgress?.({ bytesRead, totalBytes });
  }
  // The last chunk also carries errors found after the last full chunk.
  if (builder.length > 0 || !yielded || log.skipped !== skippedAtLastYield) yield chunk();
}

/** Reads a whole delimited text file (CSV / TSV / semicolon / pipe / whitespace) into one Series. */
export async function readCsv(path: string, options?: Partial<CsvOptions>): Promise<CsvReadResult> {
  let last: CsvChunk | undefined;
  for await (const chunk of readCsvChunks(path, { ...options, chunkRows: Number.MAX_SAFE_INTEGER }))
    last = chunk;
  const { bytesRead: _b, totalBytes: _t, ...result } = last!;
  return result;
}
