export { type ArrowReadOptions, readArrow, writeArrow } from "./arrow-file.ts";
export { arrowTableToSeries, seriesToArrowTable, TIME_COLUMN } from "./arrow-series.ts";
export { parseNumericCell } from "./cells.ts";
export {
  type CsvDialect,
  detectDecimalComma,
  detectDelimiter,
  detectHeader,
  sniffDialect,
} from "./csv-dialect.ts";
export {
  type CsvChunk,
  type CsvChunkOptions,
  type CsvOptions,
  type CsvReadResult,
  readCsv,
  readCsvChunks,
} from "./csv-reader.ts";
export { type Delimiter, parseRecords, type RecordBatch, streamRecords } from "./csv-records.ts";
export { type JsonLinesOptions, readJsonLines } from "./jsonl-reader.ts";
export {
  type ParquetCompression,
  type ParquetReadOptions,
  type ParquetWriteOptions,
  readParquet,
  writeParquet,
} from "./parquet-file.ts";
export type { ProgressCallback, ReadProgress } from "./progress.ts";
export type { ReadResult } from "./read-result.ts";
export { formatOf, type ReadSeriesOptions, readSeries, type SeriesFormat } from "./read-series.ts";
export { ON_ERROR_POLICIES, type OnError, RowErrorLog } from "./row-errors.ts";
