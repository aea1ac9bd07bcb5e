export type { ApiContext } from "./context.ts";
export type * from "./contract.ts";
export { decimateMinMax } from "./decimate.ts";
export { apiError, toApiError } from "./error-status.ts";
export type { DashboardFiles } from "./routes/dashboard.ts";
export { buildApi } from "./server.ts";
