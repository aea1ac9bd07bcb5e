import type { AssetRef, Series } from "@vigil/core/series";
import type { WebSocket } from "ws";
import type { LiveMessage } from "../api/contract.ts";
import { checkName, isRejection } from "../ingest/index.ts";
import type { ServiceMetrics } from "../metrics/index.ts";

interface Client {
  readonly socket: WebSocket;
  /** "site/machine" whose raw readings this client asked for. */
  subscribed: string | undefined;
}

const key = (a: AssetRef): string => `${a.site}/${a.machine}`;
const NS_PER_MS = 1_000_000n;

/** WebSocket close code 1013 "try again later": the client fell behind and may reconnect. */
const TOO_SLOW = 1013;

/**
 * The live push to browsers. Every message is serialised once and written to every client. A client
 * whose unsent bytes exceed `bufferLimit` is disconnected rather than buffered for: one stalled
 * browser tab must not make the service's memory grow. It can reconnect and reload history over HTTP.
 */
export class LiveHub {
  readonly #clients = new Set<Client>();
  readonly #bufferLimit: number;
  readonly #metrics: ServiceMetrics;

  constructor(bufferLimit: number, metrics: ServiceMetrics) {
    this.#bufferLimit = bufferLimit;
    this.#metrics = metrics;
    metrics.liveClients.track(() => this.#clients.size);
  }

  get size(): number {
    return this.#clients.size;
  }

  add(socket: WebSocket): void {
    const client: Client = { socket, subscribed: undefined };
    this.#clients.add(client);
    socket.on("close", () => this.#clients.delete(client));
    socket.on("error", () => this.#clients.delete(client));
    socket.on("message", (data, isBinary) => {
      const reply = this.#onMessage(client, isBinary ? undefined : data.toString());
      if (reply !== undefined) this.#send(client, JSON.stringify(reply));
    });
  }

  /** Handles LiveSubscribe and LiveUnsubscribe; anything else is answered with an error naming what was wrong. */
  #onMessage(client: Client, text: string | undefined): LiveMessage | undefined {
    const error = (message: string, where: string): LiveMessage => ({
      type: "error",
      error: { code: "SERVE_BAD_REQUEST", message, where },
    });
    if (text === undefined) return error("expected a JSON text message", "message");
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return error("not valid JSON", "message");
    }
    const m = data as Record<string, unknown>;
    if (m?.type === "unsubscribe") {
      client.subscribed = undefined;
      return undefined;
    }
    if (m?.type !== "subscribe")
      return error(
        'expected {"type": "subscribe", "site", "machine"} or {"type": "unsubscribe"}',
        "message.type",
      );
    const site = checkName(m.site, "message.site");
    if (isRejection(site)) return error(site.message, site.where);
    const machine = checkName(m.machine, "message.machine");
    if (isRejection(machine)) return error(machine.message, machine.where);
    client.subscribed = key({ site, machine });
    return undefined;
  }

  #send(client: Client, text: string): void {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.#bufferLimit) {
      this.#clients.delete(client);
      this.#metrics.liveDropped.inc();
      socket.close(TOO_SLOW, "too slow: reconnect and reload");
      // A client too slow to take more data may not take the close frame either.
      setTimeout(() => socket.terminate(), 1000).unref();
      return;
    }
    socket.send(text);
  }

  broadcast(message: LiveMessage): void {
    if (this.#clients.size === 0) return;
    const text = JSON.stringify(message);
    for (const client of this.#clients) this.#send(client, text);
  }

  /** Raw readings, to the clients subscribed to their asset. */
  readings(series: readonly Series[]): void {
    for (const s of series) {
      const k = key(s.asset!);
      let text: string | undefined;
      for (const client of this.#clients) {
        if (client.subscribed !== k) continue;
        text ??= JSON.stringify({
          type: "readings",
          site: s.asset!.site,
          machine: s.asset!.machine,
          timestamps: Array.from(s.timestamps, (t) => Number(t / NS_PER_MS)),
          channels: s.channels.map((c) => c.name),
          values: s.values.map((column) => Array.from(column, (v) => (Number.isNaN(v) ? null : v))),
        } satisfies LiveMessage);
        this.#send(client, text);
      }
    }
  }

  /** Says goodbye to every client (1001: going away). */
  close(): void {
    for (const client of this.#clients) client.socket.close(1001, "service stopping");
    this.#clients.clear();
  }
}
