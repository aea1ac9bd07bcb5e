import type { AssetRef } from "@vigil/core/series";
import type { Store } from "@vigil/data/store";

interface Buffer {
  readonly asset: AssetRef;
  readonly model: string;
  timestamps: bigint[];
  scores: number[];
}

/**
 * Persists score streams in chunks: each Store.appendScores call costs an appender flush (milliseconds
 * whatever its size), so per-batch calls for a fleet (two streams per asset every few rows) would keep
 * a core busy. Scores are buffered per stream and written every `flushMs` or once a stream holds
 * `flushRows`; the chunks of one flush are issued together so the Store's group commit makes one
 * transaction of them. Scores of the last `flushMs` are lost on a crash (events are not: they are
 * written at once); live listeners get scores without waiting for this.
 */
export class ScoreWriter {
  readonly #store: Store;
  readonly #flushRows: number;
  readonly #buffers = new Map<string, Buffer>();
  readonly #writes = new Set<Promise<void>>();
  readonly #timer: NodeJS.Timeout;
  readonly #onError: (error: unknown) => void;

  constructor(options: {
    store: Store;
    flushMs: number;
    flushRows: number;
    onError: (error: unknown) => void;
  }) {
    this.#store = options.store;
    this.#flushRows = options.flushRows;
    this.#onError = options.onError;
    this.#timer = setInterval(() => this.flush(), options.flushMs);
    this.#timer.unref();
  }

  add(asset: AssetRef, model: string, timestamps: BigInt64Array, scores: Float64Array): void {
    const key = JSON.stringify([asset.site, asset.machine, model]);
    let b = this.#buffers.get(key);
    if (b === undefined) {
      b = { asset, model, timestamps: [], scores: [] };
      this.#buffers.set(key, b);
    }
    for (let i = 0; i < timestamps.length; i++) {
      b.timestamps.push(timestamps[i]!);
      b.scores.push(scores[i]!);
    }
    if (b.timestamps.length >= this.#flushRows) this.#write(b);
  }

  #write(b: Buffer): void {
    if (b.timestamps.length === 0) return;
    const batch = {
      asset: b.asset,
      model: b.model,
      timestamps: BigInt64Array.from(b.timestamps),
      scores: Float64Array.from(b.scores),
    };
    b.timestamps = [];
    b.scores = [];
    const tracked: Promise<void> = this.#store
      .appendScores(batch)
      .then(() => undefined)
      .catch((error) => this.#onError(error))
      .finally(() => this.#writes.delete(tracked));
    this.#writes.add(tracked);
  }

  /** Writes every buffered score now. */
  flush(): void {
    for (const b of this.#buffers.values()) this.#write(b);
  }

  /** Writes every buffered score and resolves once all writes issued so far are durable. */
  async flushed(): Promise<void> {
    this.flush();
    await Promise.all([...this.#writes]);
  }

  /** Flushes, waits for every write, and stops the timer. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.flush();
    while (this.#writes.size > 0) await Promise.all([...this.#writes]);
  }
}
