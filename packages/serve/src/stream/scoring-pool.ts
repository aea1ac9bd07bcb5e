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
 * with every array transferred, not copied. A worker that dies fails its pending batches with
 * VIGIL_ERR_WORKER_FAILED and is replaced.
 */
export class ScoringPool {
  readonly #slots: Slot[] = [];
  readonly #registryDir: string;
  #batches = 0;
  #closed = false;

  constructor(options: { registryDir: string; workers: number }) {
    this.#registryDir = options.registryDir;
    for (let i = 0; i < options.workers; i++) this.#slots.push(this.#start());
  }

  get size(): number {
    return this.#slots.length;
  }

  #start(): Slot {
    const worker = startTsWorker(WORKER_MODULE, { workerData: { registryDir: this.#registryDir } });
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
      if (!this.#closed) {
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

  /** Explains an event on the worker that holds the model (after the batches already sent to it). */
  attribute(request: AttributeRequest): Promise<AttributeReply> {
    if (this.#closed) return Promise.reject(new VigilError("VIGIL_ERR_CLOSED", "The scoring pool is closed"));
    const slot = this.#slots[slotOf(request.model, this.#slots.length)]!;
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
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
