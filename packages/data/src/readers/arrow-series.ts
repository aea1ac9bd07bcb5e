import { VigilInputError } from "@vigil/core/errors";
import { type ChannelInfo, type Series, seriesFromColumns } from "@vigil/core/series";
import { detectEpochUnit, NS_PER_EPOCH_UNIT } from "@vigil/core/time";
import {
  type Data,
  DataType,
  Field,
  Float64,
  makeData,
  Precision,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampNanosecond,
  TimeUnit,
  type Vector,
} from "apache-arrow";
import { decodeSeriesMetadata, encodeSeriesMetadata } from "./series-metadata.ts";
import { TIME_NAMES } from "./time-names.ts";
import { expectTimeOrder } from "./time-order.ts";

export const TIME_COLUMN = "timestamp";

/** Series → Arrow table: a non-null ns "timestamp" column, one Float64 column per channel, vigil:* metadata. */
export function seriesToArrowTable(series: Series): Table {
  const n = series.timestamps.length;
  const timeType = new TimestampNanosecond("UTC");
  const fields = [
    new Field(TIME_COLUMN, timeType, false),
    ...series.channels.map((c) => new Field(c.name, new Float64(), true)),
  ];
  const schema = new Schema(fields, encodeSeriesMetadata(series));
  const children = [
    makeData({ type: timeType, length: n, data: series.timestamps }),
    ...series.values.map((column) => makeData({ type: new Float64(), length: n, data: column })),
  ];
  return new Table(schema, [
    new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, children })),
  ]);
}

const NS_PER_TIME_UNIT: Record<TimeUnit, bigint> = {
  [TimeUnit.SECOND]: 1_000_000_000n,
  [TimeUnit.MILLISECOND]: 1_000_000n,
  [TimeUnit.MICROSECOND]: 1_000n,
  [TimeUnit.NANOSECOND]: 1n,
};

const isNumeric = (type: DataType): boolean =>
  DataType.isFloat(type) || DataType.isInt(type) || DataType.isBool(type);

/** Reads a numeric column into Float64 (nulls → NaN); fixed-width chunks are read from their buffers. */
function toFloat64(vector: Vector): Float64Array {
  const out = new Float64Array(vector.length);
  const direct =
    DataType.isInt(vector.type) ||
    (DataType.isFloat(vector.type) && vector.type.precision !== Precision.HALF);
  if (!direct) {
    for (let i = 0; i < vector.length; i++) {
      const v = vector.get(i) as number | boolean | null;
      out[i] = v === null ? Number.NaN : Number(v);
    }
    return out;
  }
  let offset = 0;
  for (const data of vector.data as Data[]) {
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++)
      out[offset + i] = data.getValid(i) ? Number(values[i]!) : Number.NaN;
    offset += data.length;
  }
  return out;
}

/**
 * Reads the time column exactly into int64 ns (Timestamp of any unit, or epoch integers / floats).
 * Errors name the row as `line` (1-based), since columnar files have no text lines.
 */
function toTimestamps(source: string, name: string, vector: Vector): BigInt64Array {
  const out = new BigInt64Array(vector.length);
  const type = vector.type;
  let scale: bigint | undefined = DataType.isTimestamp(type) ? NS_PER_TIME_UNIT[type.unit] : undefined;
  let offset = 0;
  for (const data of vector.data as Data[]) {
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        throw new VigilInputError("expected a timestamp but found null", {
          source,
          line: offset + i + 1,
          column: name,
        });
      }
      const v = values[i]!;
      if (scale === undefined) {
        scale = NS_PER_EPOCH_UNIT[detectEpochUnit(Number(v))];
      }
      out[offset + i] = typeof v === "bigint" ? v * scale : BigInt(Math.round(v * Number(scale)));
    }
    offset += data.length;
  }
  return expectTimeOrder(source, name, out);
}

/**
 * Arrow table → Series. The time column is `timeColumn`, else the first Timestamp column, else a
 * numeric column named like a time; numeric columns become channels and others are listed as ignored.
 */
export function arrowTableToSeries(
  source: string,
  table: Table,
  timeColumn: string | undefined,
): { series: Series; ignoredColumns: string[] } {
  const fields = table.schema.fields;
  const timeField =
    timeColumn === undefined
      ? (fields.find((f) => DataType.isTimestamp(f.type)) ??
        fields.find((f) => TIME_NAMES.test(f.name) && (DataType.isInt(f.type) || DataType.isFloat(f.type))))
      : fields.find((f) => f.name === timeColumn);
  if (timeField === undefined) {
    throw new VigilInputError(
      timeColumn === undefined
        ? "found no timestamp column; pass timeColumn"
        : `expected a column named "${timeColumn}"`,
      { source },
    );
  }
  const meta = decodeSeriesMetadata(source, table.schema.metadata);
  const channels: ChannelInfo[] = [];
  const values: Float64Array[] = [];
  const ignoredColumns: string[] = [];
  for (const field of fields) {
    if (field === timeField) continue;
    if (!isNumeric(field.type)) {
      ignoredColumns.push(field.name);
      continue;
    }
    channels.push(meta.channels.get(field.name) ?? { name: field.name, kind: "other" });
    values.push(toFloat64(table.getChild(field.name)!));
  }
  const series = seriesFromColumns({
    timestamps: toTimestamps(source, timeField.name, table.getChild(timeField.name)!),
    channels,
    values,
    ...(meta.labels === undefined ? {} : { labels: meta.labels }),
    ...(meta.asset === undefined ? {} : { asset: meta.asset }),
  });
  return { series, ignoredColumns };
}
