import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { Store } from "@vigil/data/store";
import type { ModelRegistry } from "@vigil/detect/registry";
import type { RetrainOptions } from "../retrain/index.ts";

export interface StreamAlertOptions {
  /** An event ends when the calibrated score falls this far (z units) below the threshold (hysteresis). */
  hysteresis: number;
  /** Events shorter than this never alert (ns). */
  minDurationNs: bigint;
  /** A new crossing within this long after an event's end continues it (ns). */
  mergeGapNs: bigint;
}

export interface StreamScorerOptions {
  store: Store;
  registry: ModelRegistry;
  /** Workspace folder: the scorer's snapshot lives in `<home>/scorer-state/`. */
  home: string;
  /** Scoring worker threads (each runs the engine with `engineThreads` intra-op threads). */
  workers: number;
  /**
   * Intra-op engine threads of each scoring worker (and of the attribution worker), whatever
   * VIGIL_THREADS says for the rest of the process. Scoring calls are small (one asset's new windows),
   * too small to split, and the engine's threads wait on each other at every op: on a 2-core VM
   * shared with ingest and the store, 2 threads per call made a call ~10× slower than 1. Measured
   * with 50 assets × 16 channels at 10 Hz, stride 5: 2 threads gave push→score p99 ≈ 1.2 s and
   * 4.5k windows/s at capacity; 1 thread gave p99 ≈ 0.7 s and 28k windows/s.
   */
  engineThreads: number;
  /**
   * k: an asset is scored once k new rows have closed, all k in one detector call (one window per
   * row, so every row gets a score; a score waits for up to k − 1 later rows). Larger k amortises the
   * per-call cost, smaller k cuts latency (by up to (k − 1) / rate). `npm run bench:stream -- --stride k`
   * measures the trade-off on a given machine; the README's Benchmarks section has the figures for k = 5.
   */
  windowStride: number;
  /** A row closes once a reading this much newer (event time, ns) has arrived. */
  latenessNs: bigint;
  /** …or once it has waited this long (wall clock, ms). */
  idleCloseMs: number;
  /** How often queued rows are gathered into a batch (ms). */
  batchIntervalMs: number;
  /** push() waits while more rows than this, over all assets, wait to be scored (backpressure). */
  maxQueuedRows: number;
  /** How often the scorer state is snapshotted (ms); also on every event change and on close. */
  snapshotIntervalMs: number;
  alert: Partial<StreamAlertOptions>;
  /** Scored steps kept per asset for explanations (heatmap span). */
  explanationSteps: number;
  /** Retraining policy; false disables retraining. */
  retrain: Partial<RetrainOptions> | false;
  /** After a restart, at most this many stored rows per asset after the snapshot are replayed. */
  replayRows: number;
  /** Calibrated scores and thresholds are written to the Store in chunks at least this often (ms); see ScoreWriter. */
  scoreFlushMs: number;
  /** Called with errors of background work (store writes, snapshot, model loads); default: a process warning. */
  onError: ((error: unknown) => void) | undefined;
}

export const STREAM_ALERT_DEFAULTS: StreamAlertOptions = {
  hysteresis: 0.5,
  minDurationNs: 0n,
  mergeGapNs: 5_000_000_000n,
};

export const STREAM_SCORER_DEFAULTS: StreamScorerOptions = {
  store: undefined!,
  registry: undefined!,
  home: "./.vigil",
  workers: 1,
  engineThreads: 1,
  windowStride: 2,
  latenessNs: 1_000_000_000n,
  idleCloseMs: 2_000,
  batchIntervalMs: 50,
  maxQueuedRows: 20_000,
  snapshotIntervalMs: 5_000,
  alert: {},
  explanationSteps: 600,
  retrain: {},
  replayRows: 50_000,
  scoreFlushMs: 2_000,
  onError: undefined,
};

export function streamScorerOptions(
  given: Partial<StreamScorerOptions>,
): StreamScorerOptions & { alert: StreamAlertOptions } {
  const o = withDefaults("createStreamScorer options", STREAM_SCORER_DEFAULTS, given);
  const alert = withDefaults("alert options", STREAM_ALERT_DEFAULTS, o.alert);
  expectPositiveInteger("workers", o.workers);
  expectPositiveInteger("engineThreads", o.engineThreads);
  expectPositiveInteger("windowStride", o.windowStride);
  expectNumber("idleCloseMs", o.idleCloseMs, 0);
  expectInteger("batchIntervalMs", o.batchIntervalMs, 1);
  expectPositiveInteger("maxQueuedRows", o.maxQueuedRows);
  expectInteger("snapshotIntervalMs", o.snapshotIntervalMs, 10);
  expectPositiveInteger("explanationSteps", o.explanationSteps);
  expectInteger("scoreFlushMs", o.scoreFlushMs, 10);
  expectInteger("replayRows", o.replayRows, 0);
  expectNumber("hysteresis", alert.hysteresis, 0);
  return { ...o, alert };
}
