import { VigilArgumentError } from "@vigil/core/errors";
import type { DataMatrix } from "../data/matrix.ts";
import { rowCount } from "../data/matrix.ts";

/**
 * Time-lagged design: column τ·p + i holds X_i(t − τ) for t = maxLag .. n − 1, τ = 0 .. maxLag.
 * Rows must be equally spaced samples in time order.
 */
export function lagMatrix(data: DataMatrix, maxLag: number): DataMatrix {
  const n = rowCount(data);
  const rows = n - maxLag;
  if (rows < 3)
    throw new VigilArgumentError(`lagMatrix: ${n} rows leave ${rows} after lag ${maxLag}; need at least 3`);
  const names: string[] = [];
  const columns: Float64Array[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    data.columns.forEach((column, i) => {
      names.push(lag === 0 ? (data.names[i] as string) : `${data.names[i]}(t-${lag})`);
      columns.push(column.slice(maxLag - lag, maxLag - lag + rows));
    });
  }
  return { names, columns };
}
