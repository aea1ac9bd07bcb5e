import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";
import type { TokenStore } from "../auth/index.ts";
import type { ServiceConfig } from "../config.ts";
import type { Ingestor } from "../ingest/index.ts";
import type { JobManager } from "../jobs/index.ts";
import type { LiveHub } from "../live/index.ts";
import type { ServiceMetrics } from "../metrics/index.ts";
import type { MqttTransport } from "../mqtt/index.ts";
import type { StreamScorer } from "../stream/types.ts";

/** What the HTTP routes work with: the running service's parts. */
export interface ApiContext {
  readonly config: ServiceConfig;
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly scorer: StreamScorer;
  readonly ingestor: Ingestor;
  readonly live: LiveHub;
  readonly metrics: ServiceMetrics;
  readonly tokens: TokenStore;
  readonly jobs: JobManager;
  /** Undefined until the MQTT transport is up. */
  readonly mqtt: () => MqttTransport | undefined;
  /** Date.now() at start. */
  readonly startedAt: number;
  readonly version: string;
  readonly log: (line: string) => void;
}
