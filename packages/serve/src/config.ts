import { isIP } from "node:net";
import { resolve } from "node:path";
import { VigilError } from "@vigil/core/errors";
import { expectInteger, withDefaults } from "@vigil/core/validate";
import { SERVE_ERRORS } from "./errors/index.ts";

/** Where readings arrive over MQTT. */
export interface MqttOptions {
  /** An external broker (`mqtt://host:port`); undefined (default) runs the embedded aedes broker. */
  url: string | undefined;
  /** Port of the embedded broker (default 1883; 0 lets the OS choose, as tests do). */
  port: number;
  /**
   * Credentials: the embedded broker requires them from every client when set; the service's own
   * subscriber presents them to an external broker.
   */
  username: string | undefined;
  password: string | undefined;
  /** Client id of the service's subscriber on an external broker; its persistent session keeps unacknowledged readings across restarts. */
  clientId: string;
}

export interface LimitOptions {
  /** Largest JSON request body in bytes (POST /api/ingest, PATCH, train). */
  bodyBytes: number;
  /** Largest upload body in bytes (CSV / JSON / Parquet files). */
  uploadBytes: number;
  /** Most readings in one POST /api/ingest. */
  readingsPerRequest: number;
  /** Requests per minute per client address (429 beyond). */
  requestsPerMinute: number;
  /** Readings admitted but not yet durable and handed to the scorer; ingest waits beyond this (backpressure). */
  pendingReadings: number;
  /** Bytes a live WebSocket client may have unsent before it is dropped. */
  liveBufferBytes: number;
  /** Largest MQTT payload in bytes. */
  mqttPayloadBytes: number;
}

export interface WebhookOptions {
  /** URLs that receive each event as JSON (POST). */
  urls: readonly string[];
  /** Attempts per delivery, the first included. */
  attempts: number;
  /** Delay before the first retry; doubled at each further retry. */
  backoffMs: number;
  /** Deliveries waiting at most; the oldest is dropped (and counted) beyond. */
  queue: number;
  timeoutMs: number;
}

export interface ServiceConfig {
  /** Interface to listen on; loopback unless configured (VIGIL_HOST). */
  host: string;
  /** HTTP port (PORT, default 8080; 0 lets the OS choose). */
  port: number;
  /** The workspace: store, models, tokens (VIGIL_HOME, default ./.vigil). */
  home: string;
  mqtt: MqttOptions;
  limits: LimitOptions;
  webhooks: WebhookOptions;
  /** Serve the dashboard at "/" (from @vigil/dashboard). */
  dashboard: boolean;
}

export const MQTT_DEFAULTS: MqttOptions = {
  url: undefined,
  port: 1883,
  username: undefined,
  password: undefined,
  clientId: "vigil-serve",
};

export const LIMIT_DEFAULTS: LimitOptions = {
  bodyBytes: 4 * 1024 * 1024,
  uploadBytes: 256 * 1024 * 1024,
  readingsPerRequest: 50_000,
  requestsPerMinute: 6000,
  pendingReadings: 200_000,
  liveBufferBytes: 4 * 1024 * 1024,
  mqttPayloadBytes: 1024 * 1024,
};

export const WEBHOOK_DEFAULTS: WebhookOptions = {
  urls: [],
  attempts: 5,
  backoffMs: 500,
  queue: 1000,
  timeoutMs: 5000,
};

export const SERVICE_DEFAULTS: ServiceConfig = {
  host: "127.0.0.1",
  port: 8080,
  home: ".vigil",
  mqtt: MQTT_DEFAULTS,
  limits: LIMIT_DEFAULTS,
  webhooks: WEBHOOK_DEFAULTS,
  dashboard: true,
};

export interface ServiceConfigInput extends Partial<Omit<ServiceConfig, "mqtt" | "limits" | "webhooks">> {
  mqtt?: Partial<MqttOptions>;
  limits?: Partial<LimitOptions>;
  webhooks?: Partial<WebhookOptions>;
}

function configError(where: string, message: string): VigilError {
  return new VigilError(SERVE_ERRORS.config, `${where}: ${message}`, { details: { where } });
}

function portFrom(where: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 0 || n > 65_535) {
    throw configError(where, `expected a port number in [0, 65535] but received "${text}"`);
  }
  return n;
}

function urlFrom(where: string, text: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw configError(where, `expected a URL but received "${text}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw configError(where, `expected a ${protocols.join(" or ")} URL but received "${text}"`);
  }
  return text;
}

/**
 * The environment's settings, validated: a bad value is an error naming the variable, never a silent
 * default. Explicit options given to createService win over these.
 */
export function configFromEnv(env: NodeJS.ProcessEnv): ServiceConfigInput {
  const out: ServiceConfigInput = {};
  const mqtt: Partial<MqttOptions> = {};
  if (env.PORT !== undefined) out.port = portFrom("PORT", env.PORT);
  if (env.VIGIL_HOME !== undefined && env.VIGIL_HOME !== "") out.home = env.VIGIL_HOME;
  if (env.VIGIL_HOST !== undefined && env.VIGIL_HOST !== "") out.host = env.VIGIL_HOST;
  if (env.VIGIL_MQTT_URL) mqtt.url = urlFrom("VIGIL_MQTT_URL", env.VIGIL_MQTT_URL, ["mqtt:", "mqtts:"]);
  if (env.VIGIL_MQTT_PORT !== undefined) mqtt.port = portFrom("VIGIL_MQTT_PORT", env.VIGIL_MQTT_PORT);
  if (env.VIGIL_MQTT_USERNAME) mqtt.username = env.VIGIL_MQTT_USERNAME;
  if (env.VIGIL_MQTT_PASSWORD) mqtt.password = env.VIGIL_MQTT_PASSWORD;
  if (Object.keys(mqtt).length > 0) out.mqtt = mqtt;
  if (env.VIGIL_WEBHOOKS) {
    out.webhooks = {
      urls: env.VIGIL_WEBHOOKS.split(",")
        .map((u) => u.trim())
        .filter((u) => u !== "")
        .map((u) => urlFrom("VIGIL_WEBHOOKS", u, ["http:", "https:"])),
    };
  }
  return out;
}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
}

/** Defaults, then the environment, then explicit options; every value checked. */
export function resolveConfig(
  options: ServiceConfigInput | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const fromEnv = configFromEnv(env);
  // An option given as undefined means "not given": it must not hide the environment's value.
  const given = Object.fromEntries(
    Object.entries(options ?? {}).filter(([, v]) => v !== undefined),
  ) as ServiceConfigInput;
  const top = withDefaults("service options", SERVICE_DEFAULTS, {
    ...fromEnv,
    ...given,
    mqtt: undefined,
    limits: undefined,
    webhooks: undefined,
  } as Partial<ServiceConfig>);
  const mqtt = withDefaults("mqtt options", MQTT_DEFAULTS, { ...fromEnv.mqtt, ...given.mqtt });
  const limits = withDefaults("limits options", LIMIT_DEFAULTS, given.limits);
  const webhooks = withDefaults("webhooks options", WEBHOOK_DEFAULTS, {
    ...fromEnv.webhooks,
    ...given.webhooks,
  });
  expectInteger("port", top.port, 0, 65_535);
  expectInteger("mqtt.port", mqtt.port, 0, 65_535);
  if (mqtt.url !== undefined) urlFrom("mqtt.url", mqtt.url, ["mqtt:", "mqtts:"]);
  if ((mqtt.username === undefined) !== (mqtt.password === undefined)) {
    throw configError("mqtt", "username and password must be given together");
  }
  for (const [key, value] of Object.entries(limits)) expectInteger(`limits.${key}`, value, 1);
  expectInteger("webhooks.attempts", webhooks.attempts, 1, 100);
  expectInteger("webhooks.backoffMs", webhooks.backoffMs, 0);
  expectInteger("webhooks.queue", webhooks.queue, 1);
  expectInteger("webhooks.timeoutMs", webhooks.timeoutMs, 1);
  for (const url of webhooks.urls) urlFrom("webhooks.urls", url, ["http:", "https:"]);
  return { ...top, home: resolve(top.home), mqtt, limits, webhooks };
}
