import { Counter, Gauge, Histogram, type Instrument } from "./instruments.ts";

/** Where a reading came from, as a metric label. */
export type IngestSource = "mqtt" | "http" | "upload" | "demo";

/**
 * Everything the service counts, scraped at GET /metrics. One instance per service, so tests that
 * start several services in one process see only their own counts.
 */
export class ServiceMetrics {
  readonly readingsAccepted = new Counter(
    "vigil_readings_accepted_total",
    "Readings made durable in the store",
    ["source"],
  );
  readonly readingsRejected = new Counter(
    "vigil_readings_rejected_total",
    "Readings or payloads rejected, by source and reason",
    ["source", "reason"],
  );
  readonly scoredWindows = new Counter(
    "vigil_scored_windows_total",
    "Time steps scored by the stream scorer",
    [],
  );
  readonly events = new Counter("vigil_events_total", "Events opened or changed by the scorer", ["type"]);
  readonly httpDuration = new Histogram(
    "vigil_http_request_duration_seconds",
    "HTTP request durations by route and status",
    ["method", "route", "status"],
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  );
  readonly pendingReadings = new Gauge(
    "vigil_ingest_pending_readings",
    "Readings admitted but not yet durable and handed to the scorer",
    [],
  );
  readonly scorerQueue = new Gauge(
    "vigil_scorer_queue_depth",
    "Readings waiting in the scorer's push (callers blocked by its backpressure)",
    [],
  );
  readonly liveClients = new Gauge("vigil_live_clients", "Connected live WebSocket clients", []);
  readonly liveDropped = new Counter(
    "vigil_live_clients_dropped_total",
    "Live clients disconnected because they fell too far behind",
    [],
  );
  readonly webhookDeliveries = new Counter(
    "vigil_webhook_deliveries_total",
    "Webhook deliveries by outcome",
    ["outcome"],
  );

  #all(): Instrument[] {
    return Object.values(this).filter((v): v is Instrument => typeof v?.render === "function");
  }

  /** The Prometheus text exposition of every metric. */
  render(): string {
    return this.#all()
      .map((m) => m.render())
      .join("");
  }
}
