export { Coordinator } from "./coordinator.ts";
export {
  COORDINATOR_DEFAULTS,
  type CoordinatorOptions,
  coordinatorOptions,
  type PrivacyOptions,
} from "./coordinator-options.ts";
export { formatRoundReport, type RoundReport } from "./round-report.ts";
export { type Settled, settleWithin } from "./settle-within.ts";
