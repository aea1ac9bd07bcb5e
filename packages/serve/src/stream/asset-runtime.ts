import { AlertTracker, type AlertTrackerState } from "@vigil/core/alert";
import type { AssetRef } from "@vigil/core/series";
import { DriftMonitor, type DriftMonitorState } from "../drift/index.ts";
import type { ModelRuntime } from "./model-runtime.ts";
import { RowAligner, type RowAlignerState } from "./row-aligner.ts";
import { RowRing, type RowRingState } from "./row-ring.ts";
import { ScoreHistory } from "./score-history.ts";
import type { StreamAlertOptions } from "./stream-options.ts";

/** One asset's part of the scorer snapshot. */
export interface AssetSnapshot {
  readonly asset: AssetRef;
  readonly model: string;
  readonly aligner: RowAlignerState;
  readonly ring: RowRingState;
  /** Newest ring rows whose scores were not yet handled (queued or in flight): re-sent after a restart. */
  readonly unscored: number;
  readonly tracker: AlertTrackerState;
  /** Store id of the event the tracker holds open; null while none is (or its write had not finished). */
  readonly openEvent: string | null;
  readonly drift: DriftMonitorState | null;
  readonly lastScore: number | null;
  readonly lastThreshold: number | null;
  readonly retrain: unknown;
}

export const assetKey = (asset: AssetRef) => `${asset.site}/${asset.machine}`;

/** The tracker is fed score − threshold: it opens at 0 and closes `hysteresis` below it. */
export function alertTracker(alert: StreamAlertOptions): AlertTracker {
  return new AlertTracker({
    on: 0,
    off: -alert.hysteresis,
    minDurationNs: alert.minDurationNs,
    mergeGapNs: alert.mergeGapNs,
  });
}

/** Extra ring rows beyond a model's context: room for queued rows while the pool is busy. */
export function ringSlack(windowStride: number): number {
  return Math.max(4 * windowStride, 2048);
}

/**
 * Everything the scorer holds for one asset: its model, the row aligner and ring of recent rows,
 * how many of them wait to be scored, the alert tracker with the open event's id, the drift monitor
 * and recent scores for explanations.
 */
export class AssetRuntime {
  readonly asset: AssetRef;
  readonly key: string;
  model: ModelRuntime;
  aligner: RowAligner;
  ring: RowRing;
  /** Newest ring rows not yet sent to the pool. */
  queued = 0;
  /** Newest ring rows whose scores have not been handled (queued + in flight). */
  unscored = 0;
  tracker: AlertTracker;
  openEvent: string | undefined;
  drift: DriftMonitor | undefined;
  readonly history: ScoreHistory;
  lastScore: number | undefined;
  lastThreshold: number | undefined;
  lastError: string | undefined;
  /** After a restart: the Store's last score of this model; replayed rows up to it are not persisted again. */
  persistedThrough: bigint | undefined;

  constructor(options: {
    asset: AssetRef;
    model: ModelRuntime;
    windowStride: number;
    alert: StreamAlertOptions;
    explanationSteps: number;
    snapshot?: AssetSnapshot;
  }) {
    const { asset, model, snapshot } = options;
    this.asset = { site: asset.site, machine: asset.machine };
    this.key = assetKey(asset);
    this.model = model;
    const channels = model.profile.channels;
    const capacity = model.profile.context + ringSlack(options.windowStride);
    const sameChannels =
      snapshot !== undefined && snapshot.aligner.channels.join("\u0000") === channels.join("\u0000");
    this.aligner = new RowAligner(channels, sameChannels ? snapshot.aligner : undefined);
    this.ring = sameChannels
      ? RowRing.fromJSON(snapshot.ring, capacity, channels.length)
      : new RowRing(capacity, channels.length);
    this.unscored = sameChannels ? Math.min(snapshot.unscored, this.ring.length) : 0;
    this.queued = this.unscored;
    this.tracker =
      snapshot === undefined ? alertTracker(options.alert) : AlertTracker.fromJSON(snapshot.tracker);
    this.openEvent = snapshot?.openEvent ?? undefined;
    const sameModel = snapshot !== undefined && snapshot.model === model.id;
    const reference = model.profile.drift;
    this.drift =
      reference === null
        ? undefined
        : new DriftMonitor(reference, sameModel ? (snapshot.drift ?? undefined) : undefined);
    this.history = new ScoreHistory(options.explanationSteps);
    this.lastScore = snapshot?.lastScore ?? undefined;
    this.lastThreshold = snapshot?.lastThreshold ?? undefined;
  }

  /** Switches to another model; rows, tracker and open event carry over, drift starts afresh. */
  swapModel(model: ModelRuntime, windowStride: number): void {
    const channels = model.profile.channels;
    if (
      channels.join("\u0000") !== this.model.profile.channels.join("\u0000") ||
      model.profile.context + ringSlack(windowStride) > this.ring.capacity
    ) {
      this.aligner = new RowAligner(channels);
      this.ring = new RowRing(model.profile.context + ringSlack(windowStride), channels.length);
      this.queued = 0;
      this.unscored = 0;
    }
    this.model = model;
    this.drift = model.profile.drift === null ? undefined : new DriftMonitor(model.profile.drift);
  }

  /** Closes what the aligner allows into the ring; returns how many rows closed. */
  closeRows(latenessNs: bigint, idleCloseMs: number, flush: boolean): number {
    const closed = this.aligner.drain(latenessNs, idleCloseMs, flush);
    closed.rows.forEach((row, i) => {
      this.ring.push(closed.timestamps[i]!, row);
    });
    // Rows pushed out of the ring before being sent are lost; backpressure keeps this from happening.
    this.unscored = Math.min(this.unscored + closed.rows.length, this.ring.length);
    this.queued = Math.min(this.queued + closed.rows.length, this.unscored);
    return closed.rows.length;
  }

  toJSON(retrain: unknown): AssetSnapshot {
    return {
      asset: this.asset,
      model: this.model.id,
      aligner: this.aligner.toJSON(),
      ring: this.ring.toJSON(this.model.profile.context + this.unscored),
      unscored: this.unscored,
      tracker: this.tracker.toJSON(),
      openEvent: this.openEvent ?? null,
      drift: this.drift?.toJSON() ?? null,
      lastScore: this.lastScore ?? null,
      lastThreshold: this.lastThreshold ?? null,
      retrain,
    };
  }
}
