import type { Worker } from "node:worker_threads";
import { VigilError } from "@vigil/core/errors";
import { startTsWorker } from "@vigil/core/worker";
import {
  type AttributeReply,
  type AttributeRequest,
  buffersOf,
  type FromWorker,
  type ScoreReply,
  type ScoreRequest,
  type ToWorker,
} from "./protocol.ts";

interface Slot {
  worker: Worker;
  // biome-ignore lint/suspicious/noExplicitAny: score and attribute replies share the pending map, each resolved with its own type.
  readonly pending: Map<number, { resolve: (r: any) => void; reject: (e: Error) => void }>;
}

const WORKER_MODULE = new URL("./scoring-worker.ts", import.meta.url);

/** FNV-1a of a model id: the worker that serves it, so each model is loaded by one worker only. */
function slotOf(model: string, slots: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < model.length; i++) h = Math.imul(h ^ model.charCodeAt(i), 0x01000193);
  return (h >>> 0) % slots;
}

/**
 * A fixed pool of scoring workers. A batch is split by worker (each model is pinned to one worker, so
 * its detector is loaded once and its requests keep their order) and sent as one message per worker,
 * with every array transferred, not copied. Event attribution runs on a worker of its own (started
 * again on first use after a failure): it takes tens of milliseconds to seconds per event, and queued on a scoring worker a
 * fleet's burst of events held every score behind it (live p99 > 2 s with 50 assets). A worker that
 * dies fails its pending requests with VIGIL_ERR_WORKER_FAILED and is replaced.
 */
export class ScoringPool {
  readonly #slots: Slot[] = [];
  #attributor: Slot | undefined;
  readonly #registryDir: string;
  readonly #engineThreads: number;
  #batches = 0;
  #closed = false;

  constructor(options: { registryDir: string; workers: number; engineThreads: number }) {
    this.#registryDir = options.registryDir;
    this.#engineThreads = options.engineThreads;
    for (let i = 0; i < options.workers; i++) this.#slots.push(this.#start());
    // Started now, not on the first event: starting a worker takes most of a second, which the first
    // events of a fleet would otherwise wait for.
    this.#attributor = this.#start();
  }

  get size(): number {
    return this.#slots.length;
  }

  #start(): Slot {
    // The engine reads VIGIL_THREADS when it loads, once per thread: the worker's own copy of the
    // environment sets its intra-op threads without touching the process's.
    const worker = startTsWorker(WORKER_MODULE, {
      workerData: { registryDir: this.#registryDir },
      env: { ...process.env, VIGIL_THREADS: String(this.#engineThreads) },
    });
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", (message: FromWorker) => {
      const waiting = slot.pending.get(message.batch);
      slot.pending.delete(message.batch);
      waiting?.resolve(message.type === "scored" ? message.replies : message.reply);
    });
    const fail = (error: Error) => {
      for (const { reject } of slot.pending.values())
        reject(
          new VigilError("VIGIL_ERR_WORKER_FAILED", `A scoring worker failed: ${error.message}`, {
            cause: error,
          }),
        );
      slot.pending.clear();
      if (slot === this.#attributor) {
        // Started again by the next attribution.
        this.#attributor = undefined;
        void slot.worker.terminate();
      } else if (!this.#closed) {
        const index = this.#slots.indexOf(slot);
        if (index >= 0) this.#slots[index] = this.#start();
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.#closed) fail(new Error(`exited with code ${code}`));
    });
    return slot;
  }

  /** Scores every request; replies come back in request order. */
  async score(requests: readonly ScoreRequest[]): Promise<ScoreReply[]> {
    if (this.#closed) throw new VigilError("VIGIL_ERR_CLOSED", "The scoring pool is closed");
    const bySlot = new Map<number, ScoreRequest[]>();
    for (const r of requests) {
      const s = slotOf(r.model, this.#slots.length);
      bySlot.set(s, [...(bySlot.get(s) ?? []), r]);
    }
    const parts = await Promise.all(
      [...bySlot].map(([s, part]) => {
        const slot = this.#slots[s]!;
        const batch = ++this.#batches;
        return new Promise<ScoreReply[]>((resolve, reject) => {
          slot.pending.set(batch, { resolve, reject });
          const message: ToWorker = { type: "score", batch, requests: part };
          slot.worker.postMessage(
            message,
            part.flatMap((r) => buffersOf([r.timestamps, ...r.values])),
          );
        });
      }),
    );
    const byId = new Map(parts.flat().map((r) => [r.id, r]));
    return requests.map((r) => byId.get(r.id)!);
  }

  /** Explains an event on the attribution worker (the request carries the rows it needs). */
  attribute(request: AttributeRequest): Promise<AttributeReply> {
    if (this.#closed) return Promise.reject(new VigilError("VIGIL_ERR_CLOSED", "The scoring pool is closed"));
    this.#attributor ??= this.#start();
    const slot = this.#attributor;
    const batch = ++this.#batches;
    return new Promise<AttributeReply>((resolve, reject) => {
      slot.pending.set(batch, { resolve, reject });
      const message: ToWorker = { type: "attribute", batch, request };
      slot.worker.postMessage(message, buffersOf([request.timestamps, ...request.values]));
    });
  }

  /** Drops a model's detector from its worker (after a model change). */
  evict(model: string): void {
    const message: ToWorker = { type: "evict", model };
    this.#slots[slotOf(model, this.#slots.length)]?.worker.postMessage(message);
    this.#attributor?.worker.postMessage(message);
  }

  async close(): Promise<void> {
    this.#closed = true;
    const slots = this.#attributor === undefined ? this.#slots : [...this.#slots, this.#attributor];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
