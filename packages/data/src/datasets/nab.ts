import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import type { Label, Series } from "@vigil/core/series";
import { tryParseTimestamp } from "@vigil/core/time";
import { readCsv } from "../readers/csv-reader.ts";

/**
 * Numenta Anomaly Benchmark layout: `data/<folder>/<file>.csv` with columns `timestamp,value`, and
 * `labels/combined_windows.json` mapping "<folder>/<file>.csv" to [[start, end], ...] anomaly
 * windows written as "YYYY-MM-DD HH:MM:SS.ffffff" (UTC).
 */
export interface NabFile {
  /** "<folder>/<file>.csv", the key used in the label files. */
  readonly name: string;
  /** Channel "value"; one "anomaly" interval label per window. */
  readonly series: Series;
}

export interface NabData {
  readonly files: readonly NabFile[];
  /** Label keys with no data file (reported, not silently dropped). */
  readonly labelsWithoutData: readonly string[];
}

async function readWindows(path: string): Promise<Map<string, Label[]>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new VigilInputError(
      `expected JSON: ${(error as Error).message}`,
      { source: path },
      { cause: error },
    );
  }
  const windows = new Map<string, Label[]>();
  for (const [key, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list))
      throw new VigilInputError(`expected a list of windows for "${key}"`, { source: path });
    windows.set(
      key,
      list.map((w: unknown) => {
        const [start, end] = Array.isArray(w) ? w.map((x) => tryParseTimestamp(String(x))) : [];
        if (start === undefined || end === undefined) {
          throw new VigilInputError(
            `expected [start, end] date-times for "${key}" but found ${JSON.stringify(w)}`,
            { source: path },
          );
        }
        return { start, end, type: "anomaly" };
      }),
    );
  }
  return windows;
}

/** Loads every data file under `dir/data` with its windows; a data file without a label entry is an error. */
export async function loadNab(dir: string): Promise<NabData> {
  const labelPath = join(dir, "labels", "combined_windows.json");
  const windows = await readWindows(labelPath);
  const files: NabFile[] = [];
  for (const folder of (await readdir(join(dir, "data"), { withFileTypes: true })).filter((d) =>
    d.isDirectory(),
  )) {
    for (const file of (await readdir(join(dir, "data", folder.name)))
      .filter((f) => f.endsWith(".csv"))
      .sort()) {
      const name = `${folder.name}/${file}`;
      const labels = windows.get(name);
      if (labels === undefined)
        throw new VigilInputError(`expected an entry for "${name}"`, { source: labelPath });
      const { series } = await readCsv(join(dir, "data", folder.name, file), {
        delimiter: ",",
        hasHeader: true,
        timeColumn: "timestamp",
      });
      if (series.channels.length !== 1 || series.channels[0]!.name !== "value") {
        throw new VigilInputError("expected the columns timestamp,value", {
          source: join(dir, "data", name),
          line: 1,
        });
      }
      files.push({ name, series: { ...series, asset: { site: "nab", machine: name }, labels } });
    }
  }
  const loaded = new Set(files.map((f) => f.name));
  return { files, labelsWithoutData: [...windows.keys()].filter((k) => !loaded.has(k)) };
}
