export { type ResidualCovariance, residualCovariance } from "./residual-covariance.ts";
