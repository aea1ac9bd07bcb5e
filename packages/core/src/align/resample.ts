import { VigilArgumentError } from "../errors/index.ts";
import type { Series } from "../series/types.ts";
import { expectOneOf, withDefaults } from "../validate/index.ts";

export type ResampleMethod = "mean" | "last" | "linear";

export interface ResampleOptions {
  /** Bin width (ns); the grid is start, start + period, … and bin g covers [grid[g], grid[g] + period). */
  periodNs: bigint;
  /** mean / last non-NaN value of each bin, or linear interpolation at the bin start (NaN outside the data). */
  method: ResampleMethod;
  /** First grid time; default the first timestamp. */
  start: bigint | undefined;
}

const METHODS: readonly ResampleMethod[] = ["mean", "last", "linear"];

/** Resamples every channel of a series onto a fixed period; empty bins are NaN. */
export function resample(series: Series, options: Partial<ResampleOptions> & { periodNs: bigint }): Series {
  const o = withDefaults<Partial<ResampleOptions>>(
    "resample",
    { periodNs: undefined, method: "mean", start: undefined },
    options,
  );
  const period = o.periodNs;
  if (typeof period !== "bigint" || period <= 0n)
    throw new VigilArgumentError(`Expected a positive bigint periodNs but received ${period}`);
  const method = expectOneOf("method", o.method, METHODS);
  const t = series.timestamps;
  if (t.length === 0)
    return {
      ...series,
      timestamps: new BigInt64Array(0),
      values: series.values.map(() => new Float64Array(0)),
    };
  const start = o.start ?? t[0]!;
  const bins = t[t.length - 1]! < start ? 0 : Number((t[t.length - 1]! - start) / period) + 1;
  const grid = BigInt64Array.from({ length: bins }, (_, g) => start + BigInt(g) * period);
  const values = series.values.map((column) => {
    const out = new Float64Array(bins).fill(Number.NaN);
    if (method === "linear") {
      let j = -1; // last present sample at or before the grid time
      let k = 0;
      for (let g = 0; g < bins; g++) {
        while (k < t.length && t[k]! <= grid[g]!) {
          if (!Number.isNaN(column[k]!)) j = k;
          k++;
        }
        let next = k;
        while (next < t.length && Number.isNaN(column[next]!)) next++;
        if (j < 0) continue;
        if (t[j] === grid[g]) out[g] = column[j]!;
        else if (next < t.length) {
          const w = Number(grid[g]! - t[j]!) / Number(t[next]! - t[j]!);
          out[g] = column[j]! + w * (column[next]! - column[j]!);
        }
      }
      return out;
    }
    const counts = new Float64Array(bins);
    for (let i = 0; i < t.length; i++) {
      const v = column[i]!;
      if (Number.isNaN(v) || t[i]! < start) continue;
      const g = Number((t[i]! - start) / period);
      if (method === "last") out[g] = v;
      else out[g] = counts[g]! === 0 ? v : out[g]! + v;
      counts[g]!++;
    }
    if (method === "mean") for (let g = 0; g < bins; g++) out[g]! /= counts[g]! || 1;
    return out;
  });
  return { ...series, timestamps: grid, values };
}
