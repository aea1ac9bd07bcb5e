export {
  FLEET_DEMO_DEFAULTS,
  type FleetDemo,
  type FleetDemoOptions,
  startFleetDemo,
  waitForJob,
} from "./fleet-demo.ts";
export { type LoadDataOptions, loadDataAndTrain } from "./load-data.ts";
