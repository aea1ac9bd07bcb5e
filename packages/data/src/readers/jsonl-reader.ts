import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { VigilInputError } from "@vigil/core/errors";
import { type AssetRef, SeriesBuilder } from "@vigil/core/series";
import { detectEpochUnit, type EpochUnit, tryParseTimestamp } from "@vigil/core/time";
import { expectOneOf, withDefaults } from "@vigil/core/validate";
import type { ProgressCallback } from "./progress.ts";
import type { ReadResult } from "./read-result.ts";
import { ON_ERROR_POLICIES, type OnError, RowErrorLog } from "./row-errors.ts";
import { TIME_NAMES } from "./time-names.ts";

export interface JsonLinesOptions {
  /** Field holding the time; undefined (default) detects it from the first object. */
  timeField: string | undefined;
  /** Unit of numeric times; "auto" (default) decides once from the first value's magnitude. */
  epochUnit: EpochUnit | "auto";
  defaultOffsetMinutes: number;
  /** Malformed lines: "fail" (default) throws VigilInputError, "skip" counts and reports them. */
  onError: OnError;
  onProgress: ProgressCallback | undefined;
  asset: AssetRef | undefined;
}

const DEFAULTS: JsonLinesOptions = {
  timeField: undefined,
  epochUnit: "auto",
  defaultOffsetMinutes: 0,
  onError: "fail",
  onProgress: undefined,
  asset: undefined,
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function detectTimeField(first: Record<string, Json>): string | undefined {
  const keys = Object.keys(first);
  return (
    keys.find((k) => TIME_NAMES.test(k) && (typeof first[k] === "number" || typeof first[k] === "string")) ??
    keys.find((k) => {
      const v = first[k];
      return typeof v === "string" && /^\d{4}-\d\d-\d\d/.test(v) && tryParseTimestamp(v) !== undefined;
    })
  );
}

/**
 * Reads JSON Lines (one object per line) into a Series. Number, boolean (1/0) and null (NaN) fields
 * become channels, in order of first appearance; a field first seen as text, array or object is
 * set aside and reported in `ignoredColumns`. Lines are streamed, so memory holds only the Series.
 */
export async function readJsonLines(path: string, options?: Partial<JsonLinesOptions>): Promise<ReadResult> {
  const o = withDefaults("readJsonLines options", DEFAULTS, options);
  expectOneOf("onError", o.onError, ON_ERROR_POLICIES);
  const totalBytes = (await stat(path)).size;
  const log = new RowErrorLog(o.onError);
  const builder = new SeriesBuilder([]);
  const channelIndex = new Map<string, number>();
  const ignored = new Set<string>();
  let timeField = o.timeField;
  let epochUnit = o.epochUnit;
  let previous: bigint | undefined;
  let row: number[] = [];
  let lineNumber = 0;
  let lastReport = 0;

  const stream = createReadStream(path);
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (stream.bytesRead - lastReport >= 1 << 20) {
      lastReport = stream.bytesRead;
      o.onProgress?.({ bytesRead: lastReport, totalBytes });
    }
    const line = lineNumber === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (line.trim() === "") continue;
    const reject = (message: string, column?: string | number): void =>
      log.reject(
        new VigilInputError(message, {
          source: path,
          line: lineNumber,
          ...(column === undefined ? {} : { column }),
        }),
      );
    let object: Json;
    try {
      object = JSON.parse(line) as Json;
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)?.[1];
      reject(
        `expected a JSON object: ${(error as Error).message}`,
        position === undefined ? undefined : Number(position) + 1,
      );
      continue;
    }
    if (typeof object !== "object" || object === null || Array.isArray(object)) {
      reject(`expected a JSON object but found ${Array.isArray(object) ? "an array" : typeof object}`);
      continue;
    }
    timeField ??= detectTimeField(object);
    if (timeField === undefined) {
      throw new VigilInputError("found no time field; pass timeField", { source: path, line: lineNumber });
    }
    const time = object[timeField];
    if (epochUnit === "auto" && typeof time === "number") epochUnit = detectEpochUnit(time);
    const timestamp =
      typeof time === "string" || typeof time === "number"
        ? tryParseTimestamp(String(time), { epochUnit, defaultOffsetMinutes: o.defaultOffsetMinutes })
        : undefined;
    if (timestamp === undefined) {
      reject(
        `expected a timestamp (ISO-8601 string or epoch number) but found ${JSON.stringify(time ?? null)}`,
        timeField,
      );
      continue;
    }
    if (previous !== undefined && timestamp < previous) {
      reject("expected timestamps in non-decreasing order; sort the file first", timeField);
      continue;
    }
    row = row.fill(Number.NaN);
    let bad = false;
    for (const [key, value] of Object.entries(object)) {
      if (key === timeField || ignored.has(key)) continue;
      let c = channelIndex.get(key);
      if (c === undefined) {
        if (typeof value !== "number" && typeof value !== "boolean" && value !== null) {
          ignored.add(key);
          continue;
        }
        c = builder.addChannel({ name: key, kind: "other" });
        channelIndex.set(key, c);
        row.push(Number.NaN);
      }
      if (typeof value === "number") row[c] = value;
      else if (typeof value === "boolean") row[c] = value ? 1 : 0;
      else if (value !== null) {
        reject(`expected a number, boolean or null but found ${JSON.stringify(value).slice(0, 40)}`, key);
        bad = true;
        break;
      }
    }
    if (bad) continue;
    previous = timestamp;
    builder.append(timestamp, row);
  }
  o.onProgress?.({ bytesRead: totalBytes, totalBytes });
  return {
    series: builder.build(o.asset === undefined ? {} : { asset: o.asset }),
    source: path,
    skippedRows: log.skipped,
    errors: log.samples,
    ignoredColumns: [...ignored],
  };
}
