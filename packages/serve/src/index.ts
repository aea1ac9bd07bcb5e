export * from "./api/index.ts";
export { SCOPES, type Scope, type TokenRecord, TokenStore } from "./auth/index.ts";
export {
  type LimitOptions,
  type MqttOptions,
  resolveConfig,
  SERVICE_DEFAULTS,
  type ServiceConfig,
  type ServiceConfigInput,
  type WebhookOptions,
} from "./config.ts";
export { FLEET_DEMO_DEFAULTS, type FleetDemoOptions } from "./demo/index.ts";
export { SERVE_ERRORS } from "./errors/index.ts";
export { BINARY_MAGIC, encodeBinaryReadings } from "./mqtt/index.ts";
export {
  createService,
  type ScorerDeps,
  type Service,
  type ServiceOptions,
  type StreamSettings,
} from "./service.ts";
export { type StartedService, type StartServiceOptions, startService } from "./start-service.ts";
