import type { AssetRef, Series } from "@vigil/core/series";
import { AssetThresholds } from "@vigil/core/threshold";
import type { StoredEvent } from "@vigil/data/store";
import type { DriftStatus, Health } from "../api/contract.ts";
import { embeddingColumns } from "../drift/score-embedding.ts";
import { Retrainer } from "../retrain/index.ts";
import { AssetRuntime, type AssetSnapshot, assetKey, ringSlack } from "./asset-runtime.ts";
import { closeEvent, openEvent } from "./event-log.ts";
import { buildExplanation } from "./explanation.ts";
import { loadModelRuntime, type ModelRuntime } from "./model-runtime.ts";
import type { AttributionSummary, ScoreReply, ScoreRequest } from "./protocol.ts";
import { ScoreWriter } from "./score-writer.ts";
import { readSnapshot, type ScorerSnapshot, writeSnapshot } from "./scorer-snapshot.ts";
import { ScoringPool } from "./scoring-pool.ts";
import { type StreamScorerOptions, streamScorerOptions } from "./stream-options.ts";
import type {
  AssetStatus,
  EventPhase,
  ScoredPoint,
  StreamListener,
  StreamReading,
  StreamScorer,
} from "./types.ts";

/** What a request in flight is for. */
interface Pending {
  readonly runtime: AssetRuntime;
  readonly model: ModelRuntime;
  readonly role: "active" | "shadow";
  readonly timestamps: BigInt64Array;
  /** The new rows' raw values, one array per row (for drift's PSI). */
  readonly rows: Float64Array[];
}

/** Steps of an active reply, kept for comparison with the shadow model's reply on the same rows. */
interface ActiveSteps {
  readonly scores: Float64Array;
  readonly thresholds: Float64Array;
}

/** Seconds a missing model is remembered before the registry is asked again. */
const NO_MODEL_RETRY_MS = 30_000;

/**
 * Most new rows of one asset in one detector call. A backlog (after a stall, a replay, a burst) is
 * scored in few large calls instead of one call per stride: a call costs about as much for 5 windows
 * as for 100, so per-stride calls cap the scorer far below the engine. Scores are the same either way
 * (one window per row).
 */
const MAX_REQUEST_ROWS = 256;

/**
 * Batches sent to the pool before the oldest reply is handled. With two, the main thread collects and
 * sends the next batch while the worker computes, and handles a reply while the worker computes the
 * next one, so neither side waits for the other; replies are still handled in the order sent.
 */
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Streaming detection (see StreamScorer). Rows are formed per asset by RowAligner; every
 * `windowStride` new rows an asset is queued; every `batchIntervalMs` the queue becomes one batch for
 * the worker pool (one message per worker, one detector call per asset); replies are calibrated,
 * thresholded (per-asset DSPOT), turned into events (AlertTracker with hysteresis), persisted,
 * explained, fed to the drift monitor and the retraining policy, and pushed to listeners.
 */
class StreamScorerImpl implements StreamScorer {
  readonly #o: ReturnType<typeof streamScorerOptions>;
  readonly #pool: ScoringPool;
  readonly #assets = new Map<string, AssetRuntime>();
  readonly #loading = new Map<string, Promise<AssetRuntime | undefined>>();
  readonly #noModel = new Map<string, number>();
  readonly #listeners = new Set<StreamListener>();
  readonly #retrainer: Retrainer | undefined;
  #thresholds = new AssetThresholds();
  #requests = 0;
  #writes: Promise<void> = Promise.resolve();
  readonly #scores: ScoreWriter;
  #snapshotting: Promise<void> = Promise.resolve();
  /** A snapshot was asked for and has not started yet: later asks join it (see #scheduleSnapshot). */
  #snapshotAsked = false;
  #loop: Promise<void> = Promise.resolve();
  #wake: (() => void) | undefined;
  #progress: { promise: Promise<void>; resolve: () => void };
  #timers: NodeJS.Timeout[] = [];
  #closing = false;
  #closed = false;
  /** Readings not matching a model channel, and rows dropped as late, for metrics. */
  readonly counters = { unknownChannel: 0, noModel: 0, scoredSteps: 0, batches: 0, failedRequests: 0 };

  constructor(options: Partial<StreamScorerOptions>) {
    this.#o = streamScorerOptions(options);
    this.#pool = new ScoringPool({
      registryDir: this.#o.registry.dir,
      workers: this.#o.workers,
      engineThreads: this.#o.engineThreads,
    });
    this.#progress = this.#newProgress();
    this.#scores = new ScoreWriter({
      store: this.#o.store,
      flushMs: this.#o.scoreFlushMs,
      flushRows: 1_000,
      onError: (error) => this.#error(error),
    });
    this.#retrainer =
      this.#o.retrain === false
        ? undefined
        : new Retrainer({
            store: this.#o.store,
            registry: this.#o.registry,
            options: this.#o.retrain,
            emitJob: (job) => {
              this.#notify((l) => l.job?.(job));
            },
            emitModel: (model) => {
              this.#notify((l) => l.model?.(model));
            },
            promote: (asset) => this.reloadModel(asset),
            loadModel: (id) => loadModelRuntime(this.#o.registry.dir, id),
            onError: (error) => this.#error(error),
          });
  }

  #newProgress() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => {
      resolve = r;
    });
    return { promise, resolve };
  }

  /** Calls every listener; one that throws is reported and does not stop the others or the scorer. */
  #notify(call: (listener: StreamListener) => void): void {
    for (const l of this.#listeners) {
      try {
        call(l);
      } catch (error) {
        this.#error(error);
      }
    }
  }

  #error(error: unknown): void {
    if (this.#o.onError !== undefined) this.#o.onError(error);
    else process.emitWarning(error instanceof Error ? error : new Error(String(error)), "VigilStreamWarning");
  }

  /** Chains an event write after the previous ones, so an event's open precedes its close. */
  #write(work: () => Promise<void>): void {
    this.#writes = this.#writes.then(work).catch((error) => this.#error(error));
  }

  async start(snapshot: ScorerSnapshot | undefined): Promise<void> {
    if (snapshot !== undefined) {
      this.#thresholds = AssetThresholds.fromJSON(snapshot.thresholds);
      for (const s of snapshot.assets) await this.#restore(s);
    }
    this.#timers.push(
      setInterval(() => this.#tick(), this.#o.batchIntervalMs),
      setInterval(() => this.#scheduleSnapshot(), this.#o.snapshotIntervalMs),
    );
    for (const t of this.#timers) t.unref();
    // What to replay is read before the loop starts, so no restored row is scored before its
    // dedupe bound (persistedThrough) is known.
    const replays = [];
    for (const runtime of this.#assets.values()) replays.push(await this.#toReplay(runtime));
    this.#loop = this.#run();
    for (const replay of replays) if (replay !== undefined) await this.#replay(replay.runtime, replay.series);
  }

  /**
   * What a restart replays for an asset: the rows the Store holds after the snapshot's last closed row
   * (ingest stored them before the process stopped; the scorer never saw them), and — so that no score
   * is stored twice — the latest score the Store already has from the first unscored row on. A failing
   * read skips the replay (reported), it does not stop the scorer.
   */
  async #toReplay(runtime: AssetRuntime): Promise<{ runtime: AssetRuntime; series: Series } | undefined> {
    const last = runtime.aligner.lastClosed;
    if (last === undefined) return undefined;
    // Rows the snapshot counts as unscored (queued or in flight) are scored again too.
    const unscored = runtime.ring.tail(runtime.unscored).timestamps[0] ?? last + 1n;
    try {
      // One query after the other: concurrent reads on the DuckDB store's reader connection were seen
      // to come back empty (reported to the data layer).
      const series = await this.#o.store.querySeries({
        asset: runtime.asset,
        from: last + 1n,
        channels: runtime.model.profile.channels,
      });
      const persisted = await this.#o.store.queryScores({
        asset: runtime.asset,
        from: unscored,
        model: runtime.model.id,
      });
      runtime.persistedThrough = persisted.timestamps.reduce<bigint | undefined>(
        (a, t) => (a === undefined || t > a ? t : a),
        undefined,
      );
      return { runtime, series };
    } catch (error) {
      this.#error(error);
      return undefined;
    }
  }

  /** Feeds replayed rows (at most `replayRows`) through the aligner, with backpressure. */
  async #replay(runtime: AssetRuntime, series: Series): Promise<void> {
    const rows = Math.min(series.timestamps.length, this.#o.replayRows);
    const channels = runtime.model.profile.channels;
    for (let i = 0; i < rows; i++) {
      const t = series.timestamps[i]!;
      channels.forEach((name, c) => {
        const v = series.values[c]![i]!;
        if (!Number.isNaN(v)) runtime.aligner.add(name, t, v);
      });
      if (i % 256 === 255 || i === rows - 1) {
        runtime.closeRows(this.#o.latenessNs, this.#o.idleCloseMs, false);
        this.#wake?.();
        while (!this.#closing && this.#saturated()) await this.#progress.promise;
      }
    }
  }

  async #restore(s: AssetSnapshot): Promise<void> {
    const active = await this.#o.registry.active(s.asset);
    if (active === undefined) return;
    const model = await loadModelRuntime(this.#o.registry.dir, active);
    const runtime = new AssetRuntime({
      asset: s.asset,
      model,
      windowStride: this.#o.windowStride,
      alert: this.#o.alert,
      explanationSteps: this.#o.explanationSteps,
      snapshot: s,
    });
    if (s.model !== active || !this.#thresholds.has(runtime.asset)) this.#calibrateThreshold(runtime);
    this.#assets.set(runtime.key, runtime);
    await this.#retrainer?.restore(runtime.asset, s.retrain);
    // An event that opened but whose id the snapshot missed is found again (or written) by openEvent.
    const open = runtime.tracker.openEvent;
    if (open !== undefined && runtime.openEvent === undefined) {
      const threshold = this.#thresholds.has(runtime.asset) ? this.#thresholds.threshold(runtime.asset) : 0;
      this.#write(async () => {
        const stored = await openEvent(this.#o.store, {
          asset: runtime.asset,
          event: open,
          model: model.id,
          threshold,
          severity: open.peakScore + threshold,
          explanation: undefined,
        });
        runtime.openEvent = stored.id;
      });
    }
  }

  #calibrateThreshold(runtime: AssetRuntime): void {
    const state = this.#thresholds.toJSON();
    this.#thresholds = AssetThresholds.fromJSON({
      ...state,
      assets: { ...state.assets, [runtime.key]: runtime.model.profile.threshold },
    });
  }

  /** The asset's runtime, loading its active model on first sight; undefined when it has none. */
  #runtime(asset: AssetRef): Promise<AssetRuntime | undefined> | AssetRuntime | undefined {
    const key = assetKey(asset);
    const known = this.#assets.get(key);
    if (known !== undefined) return known;
    const missing = this.#noModel.get(key);
    if (missing !== undefined && Date.now() - missing < NO_MODEL_RETRY_MS) return undefined;
    let loading = this.#loading.get(key);
    if (loading === undefined) {
      loading = (async () => {
        try {
          const active = await this.#o.registry.active(asset);
          if (active === undefined) {
            this.#noModel.set(key, Date.now());
            return undefined;
          }
          const runtime = new AssetRuntime({
            asset,
            model: await loadModelRuntime(this.#o.registry.dir, active),
            windowStride: this.#o.windowStride,
            alert: this.#o.alert,
            explanationSteps: this.#o.explanationSteps,
          });
          this.#calibrateThreshold(runtime);
          this.#assets.set(key, runtime);
          this.#noModel.delete(key);
          return runtime;
        } catch (error) {
          this.#noModel.set(key, Date.now());
          this.#error(error);
          return undefined;
        } finally {
          this.#loading.delete(key);
        }
      })();
      this.#loading.set(key, loading);
    }
    return loading;
  }

  async push(readings: readonly StreamReading[]): Promise<void> {
    if (this.#closing) return;
    const touched = new Set<AssetRuntime>();
    for (const r of readings) {
      let runtime = this.#runtime(r.asset);
      if (runtime instanceof Promise) runtime = await runtime;
      if (runtime === undefined) {
        this.counters.noModel++;
        continue;
      }
      if (!runtime.aligner.add(r.channel, r.t, r.v)) this.counters.unknownChannel++;
      touched.add(runtime);
    }
    let ready = false;
    for (const runtime of touched) {
      runtime.closeRows(this.#o.latenessNs, this.#o.idleCloseMs, false);
      if (runtime.queued >= this.#o.windowStride) ready = true;
    }
    // A full stride is batched now rather than at the next tick (up to batchIntervalMs later).
    if (ready) this.#wake?.();
    // Backpressure: wait while the pool is behind, so memory stays bounded and no ring overflows.
    while (!this.#closing && this.#saturated()) await this.#progress.promise;
  }

  #saturated(): boolean {
    let total = 0;
    const limit = ringSlack(this.#o.windowStride) / 2;
    for (const a of this.#assets.values()) {
      if (a.queued >= limit) return true;
      total += a.queued;
    }
    return total > this.#o.maxQueuedRows;
  }

  /** Closes rows of quiet assets (idle rule) and wakes the batch loop. */
  #tick(): void {
    for (const runtime of this.#assets.values())
      runtime.closeRows(this.#o.latenessNs, this.#o.idleCloseMs, false);
    this.#wake?.();
  }

  /** Requests for every asset with a full stride queued (every queued row when flushing). */
  #collect(flush: boolean): { requests: ScoreRequest[]; pending: Map<number, Pending> } {
    const requests: ScoreRequest[] = [];
    const pending = new Map<number, Pending>();
    for (const runtime of this.#assets.values()) {
      const stride = this.#o.windowStride;
      while (runtime.queued >= stride || (flush && runtime.queued > 0)) {
        // Whole strides only (a stride's rows are scored together), as many as fit one call.
        const whole =
          stride * Math.floor(Math.min(runtime.queued, Math.max(stride, MAX_REQUEST_ROWS)) / stride);
        const n = whole > 0 ? whole : runtime.queued;
        const context = runtime.model.profile.context;
        const skip = runtime.queued - n;
        const rows = runtime.ring.tail(n, skip);
        const shadow = this.#retrainer?.shadow(runtime.key);
        const models: [ModelRuntime, "active" | "shadow"][] = [[runtime.model, "active"]];
        if (shadow !== undefined) models.push([shadow, "shadow"]);
        for (const [model, role] of models) {
          const cut = runtime.ring.tail(Math.max(context, model.profile.context) + n, skip);
          const id = ++this.#requests;
          requests.push({
            id,
            model: model.id,
            channels: model.profile.channels,
            timestamps: cut.timestamps,
            values: cut.columns,
            newSteps: n,
          });
          pending.set(id, {
            runtime,
            model,
            role,
            timestamps: rows.timestamps,
            rows: Array.from(rows.timestamps, (_, i) => Float64Array.from(rows.columns, (c) => c[i]!)),
          });
        }
        runtime.queued -= n;
      }
    }
    return { requests, pending };
  }

  /** Sends a batch to the pool; a failing pool becomes failed replies (the rows count as handled). */
  async #dispatch(requests: ScoreRequest[]): Promise<ScoreReply[]> {
    try {
      return await this.#pool.score(requests);
    } catch (error) {
      this.#error(error);
      return requests.map((r) => ({
        id: r.id,
        ok: false,
        code: "VIGIL_ERR_WORKER_FAILED",
        message: String(error),
      }));
    }
  }

  /**
   * The batch loop: keeps up to MAX_BATCHES_IN_FLIGHT batches at the pool and handles replies in the
   * order their batches were sent (an asset's steps must reach thresholds and trackers in time order).
   */
  async #run(): Promise<void> {
    const inFlight: { replies: Promise<ScoreReply[]>; pending: Map<number, Pending> }[] = [];
    while (!this.#closed) {
      if (inFlight.length < MAX_BATCHES_IN_FLIGHT) {
        const { requests, pending } = this.#collect(this.#closing);
        if (requests.length > 0) {
          inFlight.push({ replies: this.#dispatch(requests), pending });
          continue;
        }
      }
      const oldest = inFlight[0];
      if (oldest === undefined && this.#closing) return;
      const woken = new Promise<false>((resolve) => {
        this.#wake = () => resolve(false);
      });
      // Rows arriving while a batch is out are collected into the next one without waiting for it.
      const done = await Promise.race(
        oldest === undefined ? [woken] : [oldest.replies.then(() => true), woken],
      );
      this.#wake = undefined;
      if (!done) continue;
      inFlight.shift();
      this.counters.batches++;
      try {
        this.#handle(await oldest!.replies, oldest!.pending);
      } catch (error) {
        // A bug in handling one batch must not stop scoring for good.
        this.#error(error);
      }
      const progress = this.#progress;
      this.#progress = this.#newProgress();
      progress.resolve();
    }
  }

  #handle(replies: readonly ScoreReply[], pending: Map<number, Pending>): void {
    const points: ScoredPoint[] = [];
    const actives = new Map<AssetRuntime, ActiveSteps[]>();
    for (const reply of replies) {
      const p = pending.get(reply.id)!;
      if (p.role === "active") {
        p.runtime.unscored = Math.max(0, p.runtime.unscored - p.timestamps.length);
        const steps = this.#handleActive(p, reply, points);
        actives.set(p.runtime, [...(actives.get(p.runtime) ?? []), steps]);
      } else if (reply.ok) {
        const active = actives.get(p.runtime)?.shift();
        if (active !== undefined) {
          const shadowScores = p.model.calibrator.calibrateAll(alignTail(reply.score, p.timestamps.length));
          this.#retrainer?.observeShadow(p.runtime.key, active.scores, active.thresholds, shadowScores);
        }
      }
    }
    if (points.length > 0) this.#notify((l) => l.scores?.(points));
  }

  #handleActive(p: Pending, reply: ScoreReply, points: ScoredPoint[]): ActiveSteps {
    const { runtime } = p;
    const n = p.timestamps.length;
    const scores = new Float64Array(n).fill(Number.NaN);
    const thresholds = new Float64Array(n).fill(Number.NaN);
    if (!reply.ok) {
      this.counters.failedRequests++;
      runtime.lastError = `${reply.code}: ${reply.message}`;
      return { scores, thresholds };
    }
    runtime.lastError = undefined;
    const raw = alignTail(reply.score, n);
    const components = Object.fromEntries(
      Object.entries(reply.components).map(([k, v]) => [k, alignTail(v, n)]),
    );
    const contributions = reply.contributions.map((c) => alignTail(c, n));
    // The latent code when the model's drift reference was built on it (profiles from before that
    // was available hold the error profile; the embedding must match what was saved).
    const latentReference = p.model.profile.drift?.embedding[0]?.startsWith("latent:") === true;
    const embedding = embeddingColumns({
      components,
      channelContributions: contributions,
      ...(reply.latent === undefined || !latentReference
        ? {}
        : { latent: reply.latent.map((z) => alignTail(z, n)) }),
    });
    const embeddingRow = new Float64Array(embedding.length);
    const asset = runtime.asset;
    for (let i = 0; i < n; i++) {
      const t = p.timestamps[i]!;
      const score = p.model.calibrator.calibrate(raw[i]!);
      const threshold = this.#thresholds.threshold(asset);
      this.#thresholds.step(asset, score);
      scores[i] = score;
      thresholds[i] = threshold;
      runtime.history.push({
        t,
        score,
        raw: raw[i]!,
        components: Object.fromEntries(Object.entries(components).map(([k, v]) => [k, v[i]!])),
        contributions: Float64Array.from(contributions, (c) => c[i]!),
      });
      if (!Number.isNaN(score)) {
        runtime.lastScore = score;
        runtime.lastThreshold = threshold;
        points.push({ asset, t, score, raw: raw[i]!, threshold });
        this.counters.scoredSteps++;
      }
      for (const transition of runtime.tracker.push(t, score - threshold)) {
        if (transition.type === "opened") this.#opened(runtime, p.model, transition.event, threshold);
        else this.#closedEvent(runtime, transition.event.end);
      }
      let driftAlarm: boolean | undefined;
      if (runtime.drift !== undefined) {
        for (let k = 0; k < embedding.length; k++) embeddingRow[k] = embedding[k]![i]!;
        const signals = runtime.drift.add(score, embeddingRow, p.rows[i]!);
        if (signals !== undefined) {
          driftAlarm = runtime.drift.alarm;
          const status = this.#driftStatus(runtime);
          this.#notify((l) => l.drift?.(asset, status!));
        }
      }
      this.#retrainer?.observeStep(
        runtime.asset,
        t,
        runtime.tracker.openEvent !== undefined,
        driftAlarm,
        runtime.model.id,
      );
    }
    const model = p.model.id;
    // Replayed rows whose scores reached the Store before a crash are not written twice.
    const done = runtime.persistedThrough;
    const from = done === undefined ? 0 : p.timestamps.findIndex((t) => t > done);
    if (from >= 0) {
      const timestamps = from === 0 ? p.timestamps : p.timestamps.slice(from);
      this.#scores.add(asset, model, timestamps, scores.subarray(from));
      this.#scores.add(asset, thresholdStream(model), timestamps, thresholds.subarray(from));
    }
    return { scores, thresholds };
  }

  #opened(
    runtime: AssetRuntime,
    model: ModelRuntime,
    event: { start: bigint; end: bigint; peakScore: number; peakTime: bigint },
    threshold: number,
  ): void {
    const span = runtime.history.around(event.start, event.end, 50);
    const explanation = buildExplanation(model.profile.channels, span, event);
    const severity = Math.max(
      ...runtime.history
        .between(event.start, event.end)
        .map((s) => s.score)
        .filter(Number.isFinite),
    );
    const attribution = this.#attribute(runtime, model, event);
    this.#write(async () => {
      const stored = await openEvent(this.#o.store, {
        attribution: await attribution,
        asset: runtime.asset,
        event,
        model: model.id,
        threshold,
        severity,
        explanation,
      });
      runtime.openEvent = stored.id;
      this.#notifyEvent(stored, explanation, "opened");
    });
    this.#scheduleSnapshot();
  }

  /**
   * Gradient attribution of an opening event (detect's attributeEvent) on the worker holding the
   * model, over the ring's rows from the event's start (plus the model's context) to its current end.
   * Undefined for detectors without it or when it fails: the contribution-based explanation stands.
   */
  async #attribute(
    runtime: AssetRuntime,
    model: ModelRuntime,
    event: { start: bigint; end: bigint },
  ): Promise<AttributionSummary | undefined> {
    const skip = runtime.ring.countFrom(event.end + 1n);
    const n = runtime.ring.countFrom(event.start) - skip;
    const first = runtime.history.between(event.start, event.start)[0];
    if (n <= 0 || first === undefined || !Number.isFinite(first.raw)) return undefined;
    const rows = runtime.ring.tail(model.profile.context + n, skip);
    const reply = await this.#pool
      .attribute({
        id: ++this.#requests,
        model: model.id,
        channels: model.profile.channels,
        timestamps: rows.timestamps,
        values: rows.columns,
        start: rows.timestamps.length - n,
        end: rows.timestamps.length,
        // Just below the first step's raw score, so the onset is found at or before it.
        threshold: first.raw - 1e-9 * Math.max(1, Math.abs(first.raw)),
      })
      .catch((error) => ({ ok: false as const, code: "VIGIL_ERR_ATTRIBUTION", message: String(error) }));
    if (reply.ok) return reply.attribution;
    if (reply.code !== "VIGIL_ERR_NO_ATTRIBUTION")
      this.#error(new Error(`attribution failed: ${reply.message}`));
    return undefined;
  }

  #closedEvent(runtime: AssetRuntime, end: bigint): void {
    this.#write(async () => {
      const id = runtime.openEvent;
      runtime.openEvent = undefined;
      if (id === undefined) return;
      this.#notifyEvent(await closeEvent(this.#o.store, id, end), undefined, "ended");
    });
    this.#scheduleSnapshot();
  }

  #notifyEvent(
    event: StoredEvent,
    explanation: Parameters<NonNullable<StreamListener["event"]>>[1],
    phase: EventPhase,
  ): void {
    this.#notify((l) => l.event?.(event, explanation, phase));
  }

  #driftStatus(runtime: AssetRuntime): DriftStatus | undefined {
    const signals = runtime.drift?.status;
    if (signals === undefined) return undefined;
    const retrain = this.#retrainer?.state(runtime.key);
    return { ...signals, ...(retrain === undefined ? {} : { retrain }) };
  }

  /**
   * Writes a snapshot after the writes queued so far (so event ids are in it); one at a time. Asks
   * made while one is waiting to start join it: a fleet's burst of event changes costs one snapshot
   * (each forces a score flush and a megabyte of JSON on the main thread), not one per change.
   */
  #scheduleSnapshot(): void {
    if (this.#closed || this.#snapshotAsked) return;
    this.#snapshotAsked = true;
    this.#snapshotting = this.#snapshotting
      .then(() => this.#writes)
      .then(() => {
        this.#snapshotAsked = false;
        return this.#snapshot();
      })
      .catch((error) => this.#error(error));
  }

  /**
   * Captures the state, then writes it once the scores it covers are durable: a restart replays only
   * rows after the snapshot, so the Store must already hold every score the snapshot counts as done.
   */
  async #snapshot(): Promise<void> {
    const snapshot: ScorerSnapshot = {
      kind: "vigil.scorer-state",
      version: 1,
      savedAt: new Date().toISOString(),
      thresholds: this.#thresholds.toJSON(),
      assets: [...this.#assets.values()].map((a) => a.toJSON(this.#retrainer?.toJSON(a.key) ?? null)),
    };
    await this.#scores.flushed();
    await writeSnapshot(this.#o.home, snapshot);
  }

  subscribe(listener: StreamListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async reloadModel(asset: AssetRef): Promise<void> {
    const key = assetKey(asset);
    this.#noModel.delete(key);
    const runtime = this.#assets.get(key);
    if (runtime === undefined) return;
    const active = await this.#o.registry.active(asset);
    if (active === undefined) {
      this.#assets.delete(key);
      this.#pool.evict(runtime.model.id);
      return;
    }
    if (active === runtime.model.id) return;
    const previous = runtime.model.id;
    runtime.swapModel(await loadModelRuntime(this.#o.registry.dir, active), this.#o.windowStride);
    this.#calibrateThreshold(runtime);
    this.#pool.evict(previous);
    this.#scheduleSnapshot();
  }

  status(asset: AssetRef): AssetStatus {
    const runtime = this.#assets.get(assetKey(asset));
    if (runtime === undefined) return { health: "unknown" };
    const drift = this.#driftStatus(runtime);
    const open = runtime.tracker.openEvent !== undefined;
    const over =
      runtime.lastScore !== undefined &&
      runtime.lastThreshold !== undefined &&
      runtime.lastScore > runtime.lastThreshold;
    const health: Health =
      runtime.lastError !== undefined
        ? "unknown"
        : open
          ? "alarm"
          : over || runtime.drift?.alarm
            ? "warning"
            : "ok";
    return {
      health,
      ...(runtime.lastScore === undefined ? {} : { score: runtime.lastScore }),
      ...(runtime.lastThreshold === undefined ? {} : { threshold: runtime.lastThreshold }),
      model: runtime.model.id,
      ...(drift === undefined ? {} : { drift }),
    };
  }

  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    for (const t of this.#timers) clearInterval(t);
    for (const runtime of this.#assets.values())
      runtime.closeRows(this.#o.latenessNs, this.#o.idleCloseMs, true);
    this.#wake?.();
    await this.#loop;
    this.#progress.resolve();
    await this.#retrainer?.close();
    await this.#writes;
    await this.#scores.close();
    this.#scheduleSnapshot();
    await this.#snapshotting;
    this.#closed = true;
    await this.#pool.close();
  }
}

/** The Store score stream holding a model's threshold beside its calibrated scores (stream `<model id>`). */
export function thresholdStream(model: string): string {
  return `${model}#threshold`;
}

/** The last n values of a reply array (a reply can be shorter when the ring had less history). */
function alignTail(values: Float64Array, n: number): Float64Array {
  if (values.length === n) return values;
  const out = new Float64Array(n).fill(Number.NaN);
  out.set(values.subarray(Math.max(0, values.length - n)), Math.max(0, n - values.length));
  return out;
}

/**
 * Starts the streaming scorer: restores `<home>/scorer-state/state.json` when present (window
 * buffers, thresholds, alert trackers with their open events, drift and retraining state), starts
 * the worker pool and the batch loop. Assets are picked up on their first reading once they have an
 * active model with a serving profile (see trainModel).
 */
export async function createStreamScorer(
  options: Partial<StreamScorerOptions>,
): Promise<StreamScorer & { readonly counters: Readonly<Record<string, number>> }> {
  const scorer = new StreamScorerImpl(options);
  try {
    await scorer.start(await readSnapshot(options.home ?? "./.vigil"));
  } catch (error) {
    await scorer.close();
    throw error;
  }
  return scorer;
}
