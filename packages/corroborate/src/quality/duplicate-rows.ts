import type { Series } from "@vigil/core";

/**
 * Marks double-logged rows for removal (SLAC Appendix C): a row stamped within `toleranceSeconds` of the
 * previous one and equal to it in every channel. Returns the keep mask and how many rows it drops.
 */
export function duplicateRowMask(
  series: Series,
  toleranceSeconds: number,
): { keep: Uint8Array; removed: number } {
  const n = series.timestamps.length;
  const keep = new Uint8Array(n).fill(1);
  const tolerance = BigInt(Math.round(toleranceSeconds * 1e9));
  let removed = 0;
  for (let i = 1; i < n; i++) {
    if (series.timestamps[i]! - series.timestamps[i - 1]! > tolerance) continue;
    if (series.values.every((column) => Object.is(column[i], column[i - 1]))) {
      keep[i] = 0;
      removed++;
    }
  }
  return { keep, removed };
}
