export {
  type DataMatrix,
  logTransform,
  matrixFromSeries,
  rowCount,
  selectRows,
  validateMatrix,
} from "./matrix.ts";
export { computeMoments, correlationFromCovariance, type Moments } from "./moments.ts";
