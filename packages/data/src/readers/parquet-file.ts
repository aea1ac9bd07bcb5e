import { writeFile } from "node:fs/promises";
import { VigilInputError } from "@vigil/core/errors";
import { type ChannelInfo, type Series, seriesFromColumns } from "@vigil/core/series";
import { detectEpochUnit, NS_PER_EPOCH_UNIT } from "@vigil/core/time";
import { expectOneOf, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { tableToIPC } from "apache-arrow";
import {
  asyncBufferFromFile,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  type SchemaElement,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet as wasmWriteParquet,
} from "parquet-wasm/node";
import { seriesToArrowTable } from "./arrow-series.ts";
import type { ProgressCallback } from "./progress.ts";
import type { ReadResult } from "./read-result.ts";
import { decodeSeriesMetadata, encodeSeriesMetadata } from "./series-metadata.ts";
import { TIME_NAMES } from "./time-names.ts";
import { expectTimeOrder } from "./time-order.ts";

export interface ParquetReadOptions {
  /** Time column; undefined (default) takes the first TIMESTAMP column or a time-named number column. */
  timeColumn: string | undefined;
  /** Called after each row group with the share of rows read, expressed in bytes of the file. */
  onProgress: ProgressCallback | undefined;
}

const NUMERIC = new Set(["DOUBLE", "FLOAT", "INT32", "INT64", "BOOLEAN"]);

const isTimestamp = (e: SchemaElement): boolean =>
  e.logical_type?.type === "TIMESTAMP" ||
  e.converted_type === "TIMESTAMP_MILLIS" ||
  e.converted_type === "TIMESTAMP_MICROS";

// All TIMESTAMP flavours are decoded straight to int64 ns (the default decodes to Date, losing µs / ns).
const NS_PARSERS = {
  timestampFromMilliseconds: (v: bigint): bigint => v * 1_000_000n,
  timestampFromMicroseconds: (v: bigint): bigint => v * 1_000n,
  timestampFromNanoseconds: (v: bigint): bigint => v,
};

function columnsOf(metadata: FileMetaData): SchemaElement[] {
  // The flat top-level leaves; nested groups (num_children > 0) are not series columns.
  return metadata.schema.slice(1).filter((e) => !e.num_children);
}

/**
 * Reads a Parquet file (flat schema) with hyparquet, row group by row group into preallocated
 * columns, so memory is the Series plus one decoded row group. Snappy, gzip, brotli, zstd, lz4.
 */
export async function readParquet(path: string, options?: Partial<ParquetReadOptions>): Promise<ReadResult> {
  const o = withDefaults<ParquetReadOptions>(
    "readParquet options",
    { timeColumn: undefined, onProgress: undefined },
    options,
  );
  const file = await asyncBufferFromFile(path);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new VigilInputError(
      `expected a Parquet file: ${(error as Error).message}`,
      { source: path },
      { cause: error },
    );
  }
  const columns = columnsOf(metadata);
  const time =
    o.timeColumn === undefined
      ? (columns.find(isTimestamp) ??
        columns.find((e) => TIME_NAMES.test(e.name) && NUMERIC.has(e.type ?? "")))
      : columns.find((e) => e.name === o.timeColumn);
  if (time === undefined) {
    throw new VigilInputError(
      o.timeColumn === undefined
        ? "found no timestamp column; pass timeColumn"
        : `expected a column named "${o.timeColumn}"`,
      { source: path },
    );
  }
  const channelColumns = columns.filter((e) => e !== time && NUMERIC.has(e.type ?? ""));
  const ignoredColumns = columns.filter((e) => e !== time && !NUMERIC.has(e.type ?? "")).map((e) => e.name);
  const rows = Number(metadata.num_rows);
  const timestamps = new BigInt64Array(rows);
  const values = channelColumns.map(() => new Float64Array(rows));
  const slot = new Map(channelColumns.map((e, c) => [e.name, values[c]!]));
  let epochScale: bigint | undefined;

  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    await parquetRead({
      file,
      metadata,
      compressors,
      rowStart,
      rowEnd,
      columns: [time.name, ...channelColumns.map((e) => e.name)],
      parsers: NS_PARSERS,
      onChunk: ({ columnName, columnData, rowStart: start, rowEnd: end }) => {
        const from = Math.max(start, rowStart);
        const to = Math.min(end, rowEnd);
        if (columnName === time.name) {
          for (let r = from; r < to; r++) {
            const v = columnData[r - start] as bigint | number | null;
            if (v === null)
              throw new VigilInputError("expected a timestamp but found null", {
                source: path,
                line: r + 1,
                column: time.name,
              });
            if (typeof v === "bigint" && isTimestamp(time)) timestamps[r] = v;
            else {
              epochScale ??= NS_PER_EPOCH_UNIT[detectEpochUnit(Number(v))];
              timestamps[r] =
                typeof v === "bigint" ? v * epochScale : BigInt(Math.round(v * Number(epochScale)));
            }
          }
          return;
        }
        const column = slot.get(columnName)!;
        for (let r = from; r < to; r++) {
          const v = columnData[r - start] as number | bigint | boolean | null;
          column[r] = v === null ? Number.NaN : Number(v);
        }
      },
    });
    rowStart = rowEnd;
    o.onProgress?.({
      bytesRead: Math.round((file.byteLength * rowEnd) / Math.max(rows, 1)),
      totalBytes: file.byteLength,
    });
  }
  const meta = decodeSeriesMetadata(
    path,
    new Map((metadata.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? ""])),
  );
  const series = seriesFromColumns({
    timestamps: expectTimeOrder(path, time.name, timestamps),
    channels: channelColumns.map(
      (e): ChannelInfo => meta.channels.get(e.name) ?? { name: e.name, kind: "other" },
    ),
    values,
    ...(meta.labels === undefined ? {} : { labels: meta.labels }),
    ...(meta.asset === undefined ? {} : { asset: meta.asset }),
  });
  return { series, source: path, skippedRows: 0, errors: [], ignoredColumns };
}

export type ParquetCompression = "zstd" | "snappy" | "gzip" | "none";
const COMPRESSIONS: readonly ParquetCompression[] = ["zstd", "snappy", "gzip", "none"];
const CODEC: Record<ParquetCompression, Compression> = {
  zstd: Compression.ZSTD,
  snappy: Compression.SNAPPY,
  gzip: Compression.GZIP,
  none: Compression.UNCOMPRESSED,
};

export interface ParquetWriteOptions {
  /** Default "zstd". */
  compression: ParquetCompression;
  /** Rows per row group (the unit a reader decodes at once). Default 131,072. */
  rowGroupRows: number;
}

/**
 * Writes a Series as Parquet through parquet-wasm: an int64 ns TIMESTAMP column "timestamp" and one
 * DOUBLE column per channel; channel info, labels and asset go into key-value metadata.
 */
export async function writeParquet(
  path: string,
  series: Series,
  options?: Partial<ParquetWriteOptions>,
): Promise<void> {
  const o = withDefaults<ParquetWriteOptions>(
    "writeParquet options",
    { compression: "zstd", rowGroupRows: 131_072 },
    options,
  );
  expectOneOf("compression", o.compression, COMPRESSIONS);
  expectPositiveInteger("rowGroupRows", o.rowGroupRows);
  const table = WasmTable.fromIPCStream(tableToIPC(seriesToArrowTable(series), "stream"));
  const properties = new WriterPropertiesBuilder()
    .setCompression(CODEC[o.compression])
    .setMaxRowGroupSize(o.rowGroupRows)
    .setKeyValueMetadata(encodeSeriesMetadata(series))
    .build();
  // wasmWriteParquet takes ownership of (and frees) the table and the properties.
  await writeFile(path, wasmWriteParquet(table, properties));
}
