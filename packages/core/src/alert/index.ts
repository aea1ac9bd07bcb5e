export { type AlertRuleOptions, type AlertRules, resolveAlertRules } from "./alert-options.ts";
export {
  type AlertEvent,
  AlertTracker,
  type AlertTrackerState,
  type AlertTransition,
} from "./alert-tracker.ts";
export { detectAlerts } from "./detect-alerts.ts";
