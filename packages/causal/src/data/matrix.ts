import type { Series } from "@vigil/core";
import { VigilArgumentError } from "@vigil/core/errors";

/** Column-major numeric data for structure learning: one Float64Array per variable, all the same length. */
export interface DataMatrix {
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
}

export function rowCount(data: DataMatrix): number {
  return data.columns[0]?.length ?? 0;
}

/** Checks shape and finiteness; CI tests assume complete rows. */
export function validateMatrix(data: DataMatrix, what = "data"): void {
  if (data.columns.length !== data.names.length) {
    throw new VigilArgumentError(`${what}: ${data.names.length} names but ${data.columns.length} columns`);
  }
  if (data.columns.length < 2)
    throw new VigilArgumentError(`${what}: needs at least 2 variables, got ${data.columns.length}`);
  const n = rowCount(data);
  data.columns.forEach((column, c) => {
    if (column.length !== n) {
      throw new VigilArgumentError(
        `${what}: column ${data.names[c]} has ${column.length} rows, expected ${n}`,
      );
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i] as number)) {
        throw new VigilArgumentError(
          `${what}: non-finite value in column ${data.names[c]} at row ${i}; drop incomplete rows first`,
        );
      }
    }
  });
}

/** A Series as a data matrix, keeping only rows where every channel is present (listwise deletion). */
export function matrixFromSeries(series: Series): DataMatrix {
  const n = series.timestamps.length;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (series.values.every((v) => !Number.isNaN(v[i] as number))) keep.push(i);
  return {
    names: series.channels.map((c) => c.name),
    columns: series.values.map((v) => Float64Array.from(keep, (i) => v[i] as number)),
  };
}

/** Natural log of every value (flow-cytometry intensities are log-normal-ish); rejects non-positive values. */
export function logTransform(data: DataMatrix): DataMatrix {
  return {
    names: data.names,
    columns: data.columns.map((column, c) =>
      column.map((v, i) => {
        if (!(v > 0))
          throw new VigilArgumentError(
            `logTransform: column ${data.names[c]} row ${i} is ${v}, not positive`,
          );
        return Math.log(v);
      }),
    ),
  };
}

export function selectRows(data: DataMatrix, rows: ArrayLike<number>): DataMatrix {
  return {
    names: data.names,
    columns: data.columns.map((c) => Float64Array.from(rows as ArrayLike<number>, (i) => c[i] as number)),
  };
}
