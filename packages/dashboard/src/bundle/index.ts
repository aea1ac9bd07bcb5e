export { type DashboardFile, loadDashboard } from "./load-dashboard.ts";
