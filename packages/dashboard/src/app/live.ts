import { reconnectDelay } from "./backoff.ts";
import type { LiveMessage, LiveSubscribe, LiveUnsubscribe } from "./contract.ts";

export type LiveState = "connecting" | "open" | "closed";

export interface LiveOptions {
  /** ws:// or wss:// address of GET /api/live. */
  readonly url: string;
  readonly onMessage: (message: LiveMessage) => void;
  /** Connection changes; `retryInMs` is set while waiting to reconnect. */
  readonly onState: (state: LiveState, retryInMs?: number) => void;
  /** A message that is not JSON or not a known type: shown to the user, never dropped silently. */
  readonly onProtocolError: (error: Error) => void;
}

const knownTypes = new Set<LiveMessage["type"]>(["scores", "readings", "event", "drift", "model", "job"]);

/**
 * The live socket with automatic reconnect (exponential backoff with jitter, reset once connected). The
 * raw-readings subscription is remembered and sent again after every reconnect, so a page keeps its
 * stream across a service restart without knowing about it.
 */
export class LiveConnection {
  private socket: WebSocket | undefined;
  private subscription: LiveSubscribe | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private current: LiveState = "connecting";

  constructor(private readonly options: LiveOptions) {
    this.connect();
  }

  get state(): LiveState {
    return this.current;
  }

  /** Receive raw readings of this asset (the service sends one asset's readings per socket). */
  subscribe(site: string, machine: string): void {
    this.subscription = { type: "subscribe", site, machine };
    this.sendSubscription();
  }

  /** Stop the raw readings (a page that showed them was left); scores and events keep coming. */
  unsubscribe(): void {
    if (this.subscription === undefined) return;
    this.subscription = undefined;
    if (this.socket?.readyState === WebSocket.OPEN) {
      const message: LiveUnsubscribe = { type: "unsubscribe" };
      this.socket.send(JSON.stringify(message));
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
  }

  private setState(state: LiveState, retryInMs?: number): void {
    this.current = state;
    this.options.onState(state, retryInMs);
  }

  private connect(): void {
    this.setState("connecting");
    const socket = new WebSocket(this.options.url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.setState("open");
      this.sendSubscription();
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (this.socket !== socket || this.closed) return;
      this.socket = undefined;
      const wait = reconnectDelay(this.attempt++, Math.random());
      this.setState("closed", wait);
      this.retryTimer = setTimeout(() => this.connect(), wait);
    });
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") {
      this.options.onProtocolError(
        new Error("The live socket sent a binary frame; the dashboard expects JSON text"),
      );
      return;
    }
    let message: LiveMessage;
    try {
      message = JSON.parse(data) as LiveMessage;
    } catch {
      this.options.onProtocolError(
        new Error(`The live socket sent text that is not JSON: ${data.slice(0, 120)}`),
      );
      return;
    }
    if (!knownTypes.has(message?.type)) {
      this.options.onProtocolError(
        new Error(`The live socket sent an unknown message type: ${data.slice(0, 120)}`),
      );
      return;
    }
    this.options.onMessage(message);
  }

  private sendSubscription(): void {
    if (this.subscription && this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(this.subscription));
    }
  }
}
