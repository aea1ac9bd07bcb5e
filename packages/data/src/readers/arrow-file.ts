import { readFile, writeFile } from "node:fs/promises";
import { VigilInputError } from "@vigil/core/errors";
import type { Series } from "@vigil/core/series";
import { withDefaults } from "@vigil/core/validate";
import { tableFromIPC, tableToIPC } from "apache-arrow";
import { arrowTableToSeries, seriesToArrowTable } from "./arrow-series.ts";
import type { ReadResult } from "./read-result.ts";

export interface ArrowReadOptions {
  /** Time column; undefined (default) takes the first Timestamp column or a time-named number column. */
  timeColumn: string | undefined;
}

/**
 * Reads an Arrow IPC file or stream (.arrow / .feather v2 / .ipc). The file is read whole; its
 * buffers are used in place, so memory is about the file size plus the Series.
 */
export async function readArrow(path: string, options?: Partial<ArrowReadOptions>): Promise<ReadResult> {
  const o = withDefaults<ArrowReadOptions>("readArrow options", { timeColumn: undefined }, options);
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(await readFile(path));
  } catch (error) {
    throw new VigilInputError(
      `expected an Arrow IPC file or stream: ${(error as Error).message}`,
      { source: path },
      {
        cause: error,
      },
    );
  }
  const { series, ignoredColumns } = arrowTableToSeries(path, table, o.timeColumn);
  return { series, source: path, skippedRows: 0, errors: [], ignoredColumns };
}

/** Writes a Series as an Arrow IPC file (random-access format), keeping channel metadata and labels. */
export async function writeArrow(path: string, series: Series): Promise<void> {
  await writeFile(path, tableToIPC(seriesToArrowTable(series), "file"));
}
