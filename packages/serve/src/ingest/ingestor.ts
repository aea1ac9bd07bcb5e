import { VigilError } from "@vigil/core/errors";
import type { AssetRef, Series } from "@vigil/core/series";
import { expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { Store } from "@vigil/data/store";
import { SERVE_ERRORS } from "../errors/index.ts";
import type { IngestSource, ServiceMetrics } from "../metrics/index.ts";
import type { StreamReading, StreamScorer } from "../stream/types.ts";
import { readingsToSeries } from "./readings-to-series.ts";
import type { Rejection } from "./rejection.ts";

export interface IngestorOptions {
  store: Store;
  scorer: StreamScorer;
  metrics: ServiceMetrics;
  /** Readings admitted but not yet durable and handed to the scorer; callers wait beyond this. */
  pendingLimit: number;
  /** Told about readings once they are durable (live push of raw readings). */
  onDurable: ((series: readonly Series[]) => void) | undefined;
}

const INGESTOR_DEFAULTS: IngestorOptions = {
  store: undefined!,
  scorer: undefined!,
  metrics: undefined!,
  pendingLimit: 200_000,
  onDurable: undefined,
};

const assetKey = (a: AssetRef): string => `${a.site}/${a.machine}`;

/**
 * The one way readings enter Vigil, whatever the transport (MQTT, HTTP, uploads, the demo):
 *
 * 1. admission: at most `pendingLimit` readings are in flight; beyond that `ingest` waits, so a fast
 *    producer is slowed down (MQTT: its PUBACKs come later; HTTP: its request takes longer) instead of
 *    filling an unbounded queue;
 * 2. durability: one Store.appendSeries per asset, which resolves only once committed;
 * 3. scoring: handed to the stream scorer in commit order (a promise chain), waiting on its
 *    backpressure too.
 *
 * `ingest` resolves after step 3, so transports acknowledge only what is durable and accepted by the
 * scorer; a failure in step 2 rejects the whole call and nothing of it reaches the scorer.
 */
export class Ingestor {
  readonly #o: IngestorOptions;
  #pending = 0;
  #scorerQueued = 0;
  readonly #waiters: { need: number; resolve: () => void }[] = [];
  #scoring: Promise<void> = Promise.resolve();
  #closing = false;
  readonly #lastSeen = new Map<string, bigint>();

  constructor(options: IngestorOptions) {
    this.#o = withDefaults("Ingestor options", INGESTOR_DEFAULTS, options);
    if (this.#o.store === undefined || this.#o.scorer === undefined || this.#o.metrics === undefined) {
      throw new VigilError("VIGIL_ERR_ARGUMENT", "Ingestor needs a store, a scorer and metrics");
    }
    expectPositiveInteger("pendingLimit", this.#o.pendingLimit);
    options.metrics.pendingReadings.track(() => this.#pending);
    options.metrics.scorerQueue.track(() => this.#scorerQueued);
  }

  get pending(): number {
    return this.#pending;
  }

  /**
   * ns since epoch of the asset's latest reading: the newest ingested since the service started, else the
   * newest the Store holds (read once after a restart, then kept up to date by ingest).
   */
  async lastSeen(asset: AssetRef): Promise<bigint | undefined> {
    const key = assetKey(asset);
    const known = this.#lastSeen.get(key);
    if (known !== undefined) return known;
    const stored = await this.#o.store.lastReading(asset);
    const now = this.#lastSeen.get(key);
    if (stored !== undefined && (now === undefined || stored > now)) this.#lastSeen.set(key, stored);
    return this.#lastSeen.get(key);
  }

  /** Counts refused readings or payloads under their reason. */
  rejected(source: IngestSource, rejections: readonly Rejection[] | Rejection, count = 1): void {
    for (const r of Array.isArray(rejections) ? rejections : [rejections as Rejection]) {
      this.#o.metrics.readingsRejected.inc({ source, reason: r.reason }, count);
    }
  }

  /** Makes validated readings durable, then hands them to the scorer; resolves to the count stored. */
  async ingest(readings: readonly StreamReading[], source: IngestSource): Promise<number> {
    if (readings.length === 0) return 0;
    return this.ingestSeries(readingsToSeries(readings), source, readings);
  }

  /**
   * The same for whole series (uploads, the demo's history): each series is one atomic append. The
   * scorer receives the readings in time order, a few thousand rows at a time, so a large upload
   * never turns into one huge array of reading objects.
   */
  async ingestSeries(
    series: readonly Series[],
    source: IngestSource,
    readings?: readonly StreamReading[],
  ): Promise<number> {
    if (this.#closing) throw new VigilError(SERVE_ERRORS.closing, "The service is shutting down");
    const count = readings?.length ?? series.reduce((n, s) => n + countPresent(s), 0);
    if (count === 0) return 0;
    await this.#admit(count);
    try {
      const written = await Promise.all(series.map((s) => this.#o.store.appendSeries(s)));
      const stored = written.reduce((a, b) => a + b, 0);
      this.#o.metrics.readingsAccepted.inc({ source }, stored);
      for (const s of series) {
        const last = s.timestamps.at(-1);
        const key = assetKey(s.asset!);
        if (last !== undefined && last > (this.#lastSeen.get(key) ?? -1n)) this.#lastSeen.set(key, last);
      }
      this.#o.onDurable?.(series);
      this.#scorerQueued += count;
      const batches = readings === undefined ? series.flatMap((s) => rowChunks(s)) : [readings];
      const pushed = this.#scoring.then(async () => {
        for (const batch of batches) {
          const r = typeof batch === "function" ? batch() : batch;
          if (r.length > 0) await this.#o.scorer.push(r);
        }
      });
      // The chain must survive a failed push so later readings are still scored in order.
      this.#scoring = pushed.catch(() => undefined);
      try {
        await pushed;
      } finally {
        this.#scorerQueued -= count;
      }
      return stored;
    } finally {
      this.#release(count);
    }
  }

  async #admit(count: number): Promise<void> {
    // A batch larger than the limit is admitted alone, or it could never enter.
    if (this.#pending === 0 || this.#pending + count <= this.#o.pendingLimit) {
      this.#pending += count;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push({ need: count, resolve }));
  }

  #release(count: number): void {
    this.#pending -= count;
    // First come, first served: a large waiting batch is not overtaken by small ones.
    while (this.#waiters.length > 0) {
      const next = this.#waiters[0]!;
      if (this.#pending !== 0 && this.#pending + next.need > this.#o.pendingLimit) break;
      this.#waiters.shift();
      this.#pending += next.need;
      next.resolve();
    }
  }

  /** Refuses new readings and waits for those in flight to be stored and scored. */
  async close(): Promise<void> {
    this.#closing = true;
    while (this.#pending > 0 || this.#waiters.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.#scoring;
  }
}

const CHUNK_ROWS = 4096;

/** Readings of a series in chunks of rows, each built only when the scorer is ready for it. */
function rowChunks(series: Series): (() => StreamReading[])[] {
  const n = series.timestamps.length;
  return Array.from(
    { length: Math.ceil(n / CHUNK_ROWS) },
    (_, k) => () => seriesToReadings(series, k * CHUNK_ROWS, Math.min(n, (k + 1) * CHUNK_ROWS)),
  );
}

function countPresent(series: Series): number {
  let n = 0;
  for (const column of series.values) for (const v of column) if (!Number.isNaN(v)) n++;
  return n;
}

/** A series' non-missing values (rows [from, to)) as readings, in time order. */
export function seriesToReadings(series: Series, from = 0, to = series.timestamps.length): StreamReading[] {
  const out: StreamReading[] = [];
  const asset = series.asset!;
  for (let i = from; i < to; i++) {
    const t = series.timestamps[i]!;
    for (const [c, info] of series.channels.entries()) {
      const v = series.values[c]![i]!;
      if (!Number.isNaN(v)) out.push({ asset, channel: info.name, t, v });
    }
  }
  return out;
}
