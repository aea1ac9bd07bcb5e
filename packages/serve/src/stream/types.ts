import type { AssetRef } from "@vigil/core/series";
import type { StoredEvent } from "@vigil/data/store";
import type { DriftStatus, Explanation, Health, Job, ModelSummary } from "../api/contract.ts";

/** One validated reading that ingest has already made durable in the Store. t: ns since epoch. */
export interface StreamReading {
  readonly asset: AssetRef;
  readonly channel: string;
  readonly t: bigint;
  readonly v: number;
}

export type EventPhase = "opened" | "ended";

/** A scored time step of one asset. `score` is calibrated (z-score scale), `raw` is the detector's own. */
export interface ScoredPoint {
  readonly asset: AssetRef;
  readonly t: bigint;
  readonly score: number;
  readonly raw: number;
  readonly threshold: number;
}

/** What the streaming scorer tells the service (live push, webhooks, metrics). */
export interface StreamListener {
  scores?(points: readonly ScoredPoint[]): void;
  /**
   * An event opened or ended (already written to the Store; explanation also in event.detail). Its
   * status is the operators' (open until acknowledged or resolved), so the phase says which this is.
   */
  event?(event: StoredEvent, explanation: Explanation | undefined, phase: EventPhase): void;
  drift?(asset: AssetRef, status: DriftStatus): void;
  job?(job: Job): void;
  /** A model was trained, promoted or retired by the retraining policy (its registry status changed). */
  model?(model: ModelSummary): void;
}

export interface AssetStatus {
  readonly health: Health;
  readonly score?: number;
  readonly threshold?: number;
  readonly model?: string;
  readonly drift?: DriftStatus;
}

/**
 * Sliding-window scoring of every asset that has an active model, micro-batched across assets on a
 * worker pool, with adaptive thresholds, alert rules, attribution, drift monitoring and retraining.
 */
export interface StreamScorer {
  /** Resolves once the readings are buffered; waits (backpressure) while the pool is saturated. */
  push(readings: readonly StreamReading[]): Promise<void>;
  subscribe(listener: StreamListener): () => void;
  /** Re-reads the asset's active model from the registry (after train, activate, roll back). */
  reloadModel(asset: AssetRef): Promise<void>;
  status(asset: AssetRef): AssetStatus;
  /** Scores what is buffered, persists scorer state (windows, thresholds, open events), stops workers. */
  close(): Promise<void>;
}
