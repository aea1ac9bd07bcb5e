import { VigilArgumentError } from "../errors/index.ts";
import type { Series } from "../series/types.ts";
import { withDefaults } from "../validate/index.ts";

export interface CarryForwardOptions {
  /** Common time grid (ns, non-decreasing) to align onto. */
  grid: BigInt64Array;
  /** Oldest a carried value may be (ns); older values become NaN. Default: no limit. */
  maxStalenessNs: bigint | undefined;
}

/**
 * Aligns asynchronous streams onto one grid by last-value carry forward: at each grid time, each channel
 * takes its latest non-NaN value at or before that time, unless it is older than maxStalenessNs (a silent
 * sensor must not look healthy forever). Channels of all streams are concatenated in order.
 */
export function carryForward(
  streams: readonly Series[],
  options: Partial<CarryForwardOptions> & { grid: BigInt64Array },
): Series {
  const o = withDefaults<Partial<CarryForwardOptions>>(
    "carryForward",
    { grid: undefined, maxStalenessNs: undefined },
    options,
  );
  const grid = o.grid;
  if (!(grid instanceof BigInt64Array))
    throw new VigilArgumentError("Expected a BigInt64Array grid for carryForward");
  if (o.maxStalenessNs !== undefined && (typeof o.maxStalenessNs !== "bigint" || o.maxStalenessNs < 0n)) {
    throw new VigilArgumentError(
      `Expected a non-negative bigint for maxStalenessNs but received ${o.maxStalenessNs}`,
    );
  }
  const values: Float64Array[] = [];
  for (const stream of streams) {
    const t = stream.timestamps;
    for (const column of stream.values) {
      const out = new Float64Array(grid.length).fill(Number.NaN);
      let j = 0;
      let last = -1;
      for (let g = 0; g < grid.length; g++) {
        while (j < t.length && t[j]! <= grid[g]!) {
          if (!Number.isNaN(column[j]!)) last = j;
          j++;
        }
        if (last >= 0 && (o.maxStalenessNs === undefined || grid[g]! - t[last]! <= o.maxStalenessNs))
          out[g] = column[last]!;
      }
      values.push(out);
    }
  }
  return { timestamps: grid, channels: streams.flatMap((s) => s.channels), values };
}
