import { extname } from "node:path";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectOneOf, withDefaults } from "@vigil/core/validate";
import { readArrow } from "./arrow-file.ts";
import { type CsvOptions, readCsv } from "./csv-reader.ts";
import { readJsonLines } from "./jsonl-reader.ts";
import { readParquet } from "./parquet-file.ts";
import type { ProgressCallback } from "./progress.ts";
import type { ReadResult } from "./read-result.ts";
import type { OnError } from "./row-errors.ts";

export type SeriesFormat = "csv" | "jsonl" | "parquet" | "arrow";
const FORMATS: readonly SeriesFormat[] = ["csv", "jsonl", "parquet", "arrow"];

const BY_EXTENSION: Record<string, SeriesFormat> = {
  ".csv": "csv",
  ".tsv": "csv",
  ".tab": "csv",
  ".txt": "csv",
  ".dat": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet",
  ".pq": "parquet",
  ".arrow": "arrow",
  ".feather": "arrow",
  ".ipc": "arrow",
};

/** The format implied by a file name, or undefined when the extension is not one Vigil reads. */
export function formatOf(path: string): SeriesFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

export interface ReadSeriesOptions {
  /** Default "auto": from the extension (.csv .tsv .txt .dat / .jsonl .ndjson / .parquet .pq / .arrow .feather .ipc). */
  format: SeriesFormat | "auto";
  /** Time column or field; undefined (default) detects it. */
  timeColumn: string | undefined;
  /** Malformed rows in text formats: "fail" (default) or "skip" (counted in the result). */
  onError: OnError;
  onProgress: ProgressCallback | undefined;
  /** Further CSV settings (delimiter, header, decimal mark, ...). */
  csv: Partial<CsvOptions> | undefined;
}

const DEFAULTS: ReadSeriesOptions = {
  format: "auto",
  timeColumn: undefined,
  onError: "fail",
  onProgress: undefined,
  csv: undefined,
};

/** Reads any supported file into a Series, picking the reader by extension unless `format` says. */
export async function readSeries(path: string, options?: Partial<ReadSeriesOptions>): Promise<ReadResult> {
  const o = withDefaults("readSeries options", DEFAULTS, options);
  const format = o.format === "auto" ? formatOf(path) : expectOneOf("format", o.format, FORMATS);
  const common = { onError: o.onError, onProgress: o.onProgress };
  switch (format) {
    case "csv":
      return readCsv(path, {
        ...common,
        ...(o.timeColumn === undefined ? {} : { timeColumn: o.timeColumn }),
        ...o.csv,
      });
    case "jsonl":
      return readJsonLines(path, { ...common, timeField: o.timeColumn });
    case "parquet":
      return readParquet(path, { timeColumn: o.timeColumn, onProgress: o.onProgress });
    case "arrow":
      return readArrow(path, { timeColumn: o.timeColumn });
    case undefined:
      throw new VigilArgumentError(
        `Cannot tell the format of "${path}" from its extension; pass format (one of ${FORMATS.join(", ")})`,
      );
  }
}
