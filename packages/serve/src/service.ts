import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { VigilError } from "@vigil/core/errors";
import type { AssetRef } from "@vigil/core/series";
import { withDefaults } from "@vigil/core/validate";
import { DuckDbStore, type Store } from "@vigil/data/store";
import { ModelRegistry } from "@vigil/detect/registry";
import type { FastifyInstance } from "fastify";
import type { ApiContext } from "./api/context.ts";
import { buildApi, type DashboardFiles } from "./api/index.ts";
import { eventSummary, nsToMs } from "./api/wire.ts";
import { TokenStore } from "./auth/index.ts";
import { isLoopback, resolveConfig, type ServiceConfig, type ServiceConfigInput } from "./config.ts";
import { SERVE_ERRORS } from "./errors/index.ts";
import { Ingestor } from "./ingest/index.ts";
import { JobManager } from "./jobs/index.ts";
import { LiveHub } from "./live/index.ts";
import { ServiceMetrics } from "./metrics/index.ts";
import { type MqttTransport, startEmbeddedBroker, startExternalSubscriber } from "./mqtt/index.ts";
import type { StreamScorerOptions } from "./stream/stream-options.ts";
import type { StreamScorer } from "./stream/types.ts";
import { WebhookDispatcher } from "./webhooks/index.ts";

/** What a scorer factory receives: the service's store and registry, its workspace and its log. */
export interface ScorerDeps {
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly home: string;
  readonly onError: (error: unknown) => void;
}

/** The stream scorer's own settings (window stride, lateness, workers, alerting, retraining). */
export type StreamSettings = Partial<Omit<StreamScorerOptions, "store" | "registry" | "home" | "onError">>;

export interface ServiceOptions extends ServiceConfigInput {
  /** Passed to createStreamScorer (ignored when `scorer` builds the scorer). */
  stream?: StreamSettings;
  /**
   * Builds the stream scorer; default: createStreamScorer from ./stream with its defaults. Tests of
   * the HTTP layer alone may pass their own.
   */
  scorer?: (deps: ScorerDeps) => StreamScorer | Promise<StreamScorer>;
  /** Where log lines go (default: stderr). */
  log?: (line: string) => void;
  /** Environment to read PORT, VIGIL_HOME, ... from (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface Service {
  readonly config: ServiceConfig;
  /** http://host:port with the port actually bound. */
  readonly url: string;
  readonly mqtt: MqttTransport;
  readonly store: Store;
  readonly registry: ModelRegistry;
  readonly scorer: StreamScorer;
  readonly ingestor: Ingestor;
  readonly metrics: ServiceMetrics;
  readonly tokens: TokenStore;
  readonly jobs: JobManager;
  readonly app: FastifyInstance;
  /** Stops everything in order; idempotent. */
  close(): Promise<void>;
}

const VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

const logToStderr = (line: string): void => void process.stderr.write(`${line}\n`);

async function defaultScorer(deps: ScorerDeps, settings: StreamSettings): Promise<StreamScorer> {
  const { createStreamScorer } = await import("./stream/index.ts");
  return createStreamScorer({ ...settings, ...deps });
}

/** The dashboard's files, or undefined (with a log line saying why) when they cannot be built. */
async function loadDashboardFiles(log: (line: string) => void): Promise<DashboardFiles | undefined> {
  try {
    const { loadDashboard } = await import("@vigil/dashboard");
    return await loadDashboard();
  } catch (error) {
    log(`dashboard unavailable (the API still runs): ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Opens the workspace and starts the service: DuckDB store under <home>, model registry under
 * <home>/models, the stream scorer, the HTTP API (with live WebSocket and dashboard) and MQTT ingest
 * (embedded broker or external subscriber). Resolves once everything listens.
 */
export async function createService(options?: ServiceOptions): Promise<Service> {
  const {
    scorer: makeScorer,
    stream,
    log,
    env,
    ...configInput
  } = withDefaults(
    "service options",
    {
      stream: undefined,
      scorer: undefined,
      log: undefined,
      env: undefined,
      host: undefined,
      port: undefined,
      home: undefined,
      mqtt: undefined,
      limits: undefined,
      webhooks: undefined,
      dashboard: undefined,
    } as ServiceOptions,
    options,
  );
  const say = log ?? logToStderr;
  const config = resolveConfig(configInput, env ?? process.env);
  await mkdir(config.home, { recursive: true });

  const tokens = new TokenStore(config.home);
  await tokens.refresh(true);
  if (!tokens.configured && !isLoopback(config.host)) {
    throw new VigilError(
      SERVE_ERRORS.config,
      `Listening on ${config.host} (not loopback) needs at least one API token; create one with ` +
        "`vigil serve token create --scope admin`",
      { details: { where: "host" } },
    );
  }

  const store = await new DuckDbStore(config.home).ready();
  const cleanups: (() => Promise<void>)[] = [() => store.close()];
  const unwind = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const registry = new ModelRegistry({ dir: join(config.home, "models") });
    const deps: ScorerDeps = {
      store,
      registry,
      home: config.home,
      onError: (error) => say(`scorer: ${(error as Error).stack ?? String(error)}`),
    };
    const scorer = await (makeScorer === undefined ? defaultScorer(deps, stream ?? {}) : makeScorer(deps));
    cleanups.push(() => scorer.close());

    const metrics = new ServiceMetrics();
    const live = new LiveHub(config.limits.liveBufferBytes, metrics);
    const webhooks = new WebhookDispatcher(config.webhooks, metrics);
    const jobs = new JobManager((job) => live.broadcast({ type: "job", job }));
    const ingestor = new Ingestor({
      store,
      scorer,
      metrics,
      pendingLimit: config.limits.pendingReadings,
      onDurable: (series) => live.readings(series),
    });
    const unsubscribe = scorer.subscribe({
      scores(points) {
        metrics.scoredWindows.inc(undefined, points.length);
        live.broadcast({
          type: "scores",
          points: points.map((p) => ({
            site: p.asset.site,
            machine: p.asset.machine,
            t: nsToMs(p.t),
            score: p.score,
            threshold: p.threshold,
          })),
        });
      },
      event(event, _explanation, phase) {
        if (phase === "opened") metrics.events.inc({ type: event.type });
        const summary = eventSummary(event);
        live.broadcast({ type: "event", event: summary });
        webhooks.send({ type: "event", event: summary, detail: event.detail ?? {} });
      },
      drift(asset: AssetRef, drift) {
        live.broadcast({ type: "drift", site: asset.site, machine: asset.machine, drift });
      },
      job(job) {
        live.broadcast({ type: "job", job });
      },
      model(model) {
        live.broadcast({ type: "model", model });
      },
    });

    let mqtt: MqttTransport | undefined;
    const ctx: ApiContext = {
      config,
      store,
      registry,
      scorer,
      ingestor,
      live,
      metrics,
      tokens,
      jobs,
      mqtt: () => mqtt,
      startedAt: Date.now(),
      version: VERSION,
      log: say,
    };
    const app = await buildApi(ctx, config.dashboard ? await loadDashboardFiles(say) : undefined);
    cleanups.push(() => app.close());
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;

    const mqttCommon = {
      username: config.mqtt.username,
      password: config.mqtt.password,
      maxPayloadBytes: config.limits.mqttPayloadBytes,
      log: say,
    };
    mqtt =
      config.mqtt.url === undefined
        ? await startEmbeddedBroker({ ...mqttCommon, host: config.host, port: config.mqtt.port }, ingestor)
        : await startExternalSubscriber(
            { ...mqttCommon, url: config.mqtt.url, clientId: config.mqtt.clientId, connectTimeoutMs: 10_000 },
            ingestor,
          );
    const transport = mqtt;

    let closing: Promise<void> | undefined;
    // Inputs stop first (MQTT, then HTTP, which waits for requests in flight), then the Ingestor
    // drains what was admitted, so nothing reaches a closed scorer; the scorer then scores what it
    // buffered and snapshots its state while the store is still open; the store closes last.
    const close = () =>
      (closing ??= (async () => {
        await transport.close();
        live.close();
        await app.close();
        await ingestor.close();
        unsubscribe();
        await scorer.close();
        await webhooks.close();
        await store.close();
      })());
    return {
      config,
      url,
      mqtt: transport,
      store,
      registry,
      scorer,
      ingestor,
      metrics,
      tokens,
      jobs,
      app,
      close,
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
