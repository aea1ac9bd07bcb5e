import type { WebhookOptions } from "../config.ts";
import type { ServiceMetrics } from "../metrics/index.ts";

interface Delivery {
  readonly url: string;
  readonly body: string;
  attempt: number;
}

/**
 * Posts events as JSON to the configured URLs with retries and exponential backoff, off the scoring
 * path: `send` only queues and returns. The queue is bounded; when a receiver is down long enough to
 * fill it, the oldest delivery is dropped and counted (vigil_webhook_deliveries_total{outcome="dropped"})
 * rather than memory growing. Events stay in the store and on GET /api/events either way.
 */
export class WebhookDispatcher {
  readonly #o: WebhookOptions;
  readonly #metrics: ServiceMetrics;
  readonly #queue: Delivery[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(options: WebhookOptions, metrics: ServiceMetrics) {
    this.#o = options;
    this.#metrics = metrics;
  }

  send(payload: unknown): void {
    if (this.#closed || this.#o.urls.length === 0) return;
    const body = JSON.stringify(payload);
    for (const url of this.#o.urls) this.#enqueue({ url, body, attempt: 0 });
    // Requests start on a later turn: the scorer's listener returns at once.
    setImmediate(() => this.#pump());
  }

  #enqueue(delivery: Delivery): void {
    if (this.#queue.length >= this.#o.queue) {
      this.#queue.shift();
      this.#metrics.webhookDeliveries.inc({ outcome: "dropped" });
    }
    this.#queue.push(delivery);
  }

  /** At most four requests at a time, so a burst of events cannot open hundreds of sockets. */
  #pump(): void {
    while (!this.#closed && this.#inFlight.size < 4 && this.#queue.length > 0) {
      const delivery = this.#queue.shift()!;
      const attempt = this.#deliver(delivery).finally(() => {
        this.#inFlight.delete(attempt);
        this.#pump();
      });
      this.#inFlight.add(attempt);
    }
  }

  async #deliver(delivery: Delivery): Promise<void> {
    delivery.attempt++;
    let ok = false;
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "vigil-webhook" },
        body: delivery.body,
        signal: AbortSignal.timeout(this.#o.timeoutMs),
      });
      await response.arrayBuffer();
      ok = response.ok;
    } catch {
      ok = false;
    }
    if (ok) {
      this.#metrics.webhookDeliveries.inc({ outcome: "delivered" });
      return;
    }
    if (delivery.attempt >= this.#o.attempts || this.#closed) {
      this.#metrics.webhookDeliveries.inc({ outcome: "failed" });
      return;
    }
    this.#metrics.webhookDeliveries.inc({ outcome: "retried" });
    const delay = this.#o.backoffMs * 2 ** (delivery.attempt - 1);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#enqueue(delivery);
      this.#pump();
    }, delay);
    this.#timers.add(timer);
  }

  /** Stops retrying; waits for requests already on the wire (each bounded by timeoutMs). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    await Promise.all(this.#inFlight);
  }
}
