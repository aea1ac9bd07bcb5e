import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { VigilArgumentError, VigilInputError } from "@vigil/core/errors";
import { type Series, seriesFromColumns, sliceByIndex } from "@vigil/core/series";
import { NS_PER_SECOND } from "@vigil/core/time";
import { parseNumericCell } from "../readers/cells.ts";

/**
 * UCR Time Series Anomaly Archive (Wu & Keogh, 2021): one series per file named
 * `<id>_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt`, values one per line or whitespace separated.
 * Positions in the name are 1-based: points 1..trainEnd are the (anomaly-free) training part and
 * points begin..end the single anomaly. Rows are placed 1 s apart (the archive has no clock).
 */
const NAME = /^(\d+)_UCR_Anomaly_(.+)_(\d+)_(\d+)_(\d+)\.txt$/;

export interface UcrSeries {
  readonly id: number;
  readonly name: string;
  /** Whole series with the "anomaly" label. */
  readonly series: Series;
  readonly train: Series;
  readonly test: Series;
  /** 0-based, inclusive row indices of the anomaly. */
  readonly anomalyStart: number;
  readonly anomalyEnd: number;
}

/** Parses the metadata in a UCR file name, or undefined if the name does not follow the convention. */
export function parseUcrName(
  file: string,
): { id: number; name: string; trainEnd: number; begin: number; end: number } | undefined {
  const m = NAME.exec(basename(file));
  if (m === null) return undefined;
  return { id: Number(m[1]), name: m[2]!, trainEnd: Number(m[3]), begin: Number(m[4]), end: Number(m[5]) };
}

export async function loadUcrSeries(path: string): Promise<UcrSeries> {
  const meta = parseUcrName(path);
  if (meta === undefined) {
    throw new VigilArgumentError(
      `Expected a file named <id>_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt but received "${basename(path)}"`,
    );
  }
  const values: number[] = [];
  (await readFile(path, "utf8")).split("\n").forEach((line, l) => {
    const cells = line.trim().split(/\s+/);
    cells.forEach((cell, c) => {
      if (cell === "") return;
      const v = parseNumericCell(cell, false);
      if (v === undefined)
        throw new VigilInputError(`expected a number but found "${cell.slice(0, 40)}"`, {
          source: path,
          line: l + 1,
          column: c + 1,
        });
      values.push(v);
    });
  });
  const n = values.length;
  if (
    !(
      meta.trainEnd >= 1 &&
      meta.trainEnd < n &&
      meta.begin > meta.trainEnd &&
      meta.begin <= meta.end &&
      meta.end <= n
    )
  ) {
    throw new VigilInputError(
      `expected 1 <= trainEnd (${meta.trainEnd}) < begin (${meta.begin}) <= end (${meta.end}) <= length (${n})`,
      { source: path },
    );
  }
  const timestamps = BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * NS_PER_SECOND);
  const anomalyStart = meta.begin - 1;
  const anomalyEnd = meta.end - 1;
  const series = seriesFromColumns({
    asset: { site: "ucr-anomaly", machine: `${meta.id}_${meta.name}` },
    timestamps,
    channels: ["value"],
    values: [values],
    labels: [{ start: timestamps[anomalyStart]!, end: timestamps[anomalyEnd]!, type: "anomaly" }],
  });
  return {
    id: meta.id,
    name: meta.name,
    series,
    train: sliceByIndex(series, 0, meta.trainEnd),
    test: sliceByIndex(series, meta.trainEnd),
    anomalyStart,
    anomalyEnd,
  };
}

/** Every archive file in `dir`, in id order. Files with other names are not part of the archive and are left alone. */
export async function loadUcrArchive(dir: string): Promise<UcrSeries[]> {
  const files = (await readdir(dir)).filter((f) => parseUcrName(f) !== undefined);
  files.sort((a, b) => parseUcrName(a)!.id - parseUcrName(b)!.id);
  const out: UcrSeries[] = [];
  for (const file of files) out.push(await loadUcrSeries(join(dir, file)));
  return out;
}
