import { VigilInputError } from "@vigil/core/errors";

/**
 * Columnar files (Arrow, Parquet) must already be in time order: the first row that goes back in
 * time is reported with its 1-based row number as `line`.
 */
export function expectTimeOrder(source: string, column: string, timestamps: BigInt64Array): BigInt64Array {
  for (let r = 1; r < timestamps.length; r++) {
    if (timestamps[r]! < timestamps[r - 1]!) {
      throw new VigilInputError("expected timestamps in non-decreasing order; sort the data first", {
        source,
        line: r + 1,
        column,
      });
    }
  }
  return timestamps;
}
