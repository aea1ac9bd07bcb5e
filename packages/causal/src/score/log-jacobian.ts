import type { DataMatrix } from "../data/matrix.ts";

/**
 * Σ_ij log x_ij, the log-Jacobian of the elementwise log transform, or undefined when some value is not
 * positive (the log model then does not exist). If y = log x has density p_Y, then x has density
 * p_Y(log x) · Π 1/x, so a model fitted to log data has log-likelihood ℓ_log − Σ log x on the data as given:
 * this is what makes a model of log x and a model of x comparable (Box & Cox 1964).
 */
export function logJacobian(data: DataMatrix): number | undefined {
  let sum = 0;
  for (const column of data.columns)
    for (let i = 0; i < column.length; i++) {
      const v = column[i] as number;
      if (!(v > 0)) return undefined;
      sum += Math.log(v);
    }
  return sum;
}
