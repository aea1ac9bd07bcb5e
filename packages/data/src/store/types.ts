import type { AssetRef, ChannelInfo, Label, Series } from "@vigil/core/series";

/**
 * Where Vigil keeps what it measures and concludes: sensor series, labels, detector scores, events and
 * the model registry's metadata. Implemented by the embedded DuckDB store; a server backend
 * (PostgreSQL) implements the same interface, so nothing here names a database type.
 *
 * Every write's promise resolves only once the write is durable: a crash after it resolves loses nothing.
 * Times are int64 nanoseconds since the Unix epoch; ranges are half-open [from, to).
 */
export interface Store {
  /**
   * Appends a Series' readings under `series.asset` (required), registering new channels with their
   * metadata. Missing readings (NaN) are not stored. Resolves to the number of readings written.
   */
  appendSeries(series: Series): Promise<number>;
  /** The asset's readings in a time range, one row per distinct timestamp, NaN where a channel has none. */
  querySeries(query: SeriesQuery): Promise<Series>;
  listAssets(): Promise<AssetRef[]>;
  listChannels(asset: AssetRef): Promise<ChannelInfo[]>;
  /** Time (ns) of the asset's latest stored reading, or undefined when it has none. */
  lastReading(asset: AssetRef): Promise<bigint | undefined>;

  appendLabels(asset: AssetRef, labels: readonly Label[]): Promise<void>;
  /** Labels that overlap the range, ordered by start. */
  queryLabels(query: AssetQuery): Promise<Label[]>;

  appendScores(batch: ScoreBatch): Promise<number>;
  queryScores(query: ScoreQuery): Promise<ScoreBatch>;

  /** Stores a new event with status "open"; resolves to it with its generated id. */
  appendEvent(event: NewEvent): Promise<StoredEvent>;
  /** Acknowledges, resolves or comments an event; throws VigilError STORE_NOT_FOUND for an unknown id. */
  updateEvent(id: string, update: EventUpdate): Promise<StoredEvent>;
  /** Events overlapping the range (all when no range), ordered by start. */
  queryEvents(query: EventQuery): Promise<StoredEvent[]>;
  /** The event with this id, or undefined. */
  getEvent(id: string): Promise<StoredEvent | undefined>;

  /** Inserts or replaces the registry row with this id. */
  putModel(record: ModelRecord): Promise<void>;
  setModelStatus(id: string, status: ModelStatus): Promise<ModelRecord>;
  /** Registry rows matching every given field, newest first. */
  queryModels(query: ModelQuery): Promise<ModelRecord[]>;

  /** Waits for pending writes, then releases the store; later calls throw STORE_CLOSED. */
  close(): Promise<void>;
}

export interface TimeRange {
  readonly from?: bigint;
  readonly to?: bigint;
}

export interface AssetQuery extends TimeRange {
  readonly asset: AssetRef;
}

export interface SeriesQuery extends AssetQuery {
  /** Channels to return, in this order; all of the asset's channels when omitted. */
  readonly channels?: readonly string[];
}

/** A detector's per-step anomaly scores for one asset. */
export interface ScoreBatch {
  readonly asset: AssetRef;
  readonly model: string;
  readonly timestamps: BigInt64Array;
  readonly scores: Float64Array;
}

export interface ScoreQuery extends AssetQuery {
  readonly model: string;
}

export type EventStatus = "open" | "acknowledged" | "resolved";
export const EVENT_STATUSES: readonly EventStatus[] = ["open", "acknowledged", "resolved"];

export interface NewEvent {
  readonly asset: AssetRef;
  readonly start: bigint;
  readonly end: bigint;
  /** e.g. "anomaly", "drift", "fault:cold-head-wear" */
  readonly type: string;
  readonly severity: number;
  /** The channel the event is attributed to, when known. */
  readonly channel?: string;
  /** Free-form JSON detail (attribution, scores, rule that fired). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface StoredEvent extends NewEvent {
  readonly id: string;
  readonly status: EventStatus;
  readonly comment?: string;
  /** When the event was stored or last updated (ns since epoch, wall clock). */
  readonly updated: bigint;
}

/** Fields left out stay as they are. The scorer extends an open event (end, severity, detail) as it goes. */
export interface EventUpdate {
  readonly status?: EventStatus;
  readonly comment?: string;
  readonly end?: bigint;
  readonly severity?: number;
  readonly channel?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface EventQuery extends TimeRange {
  readonly asset?: AssetRef;
  readonly status?: EventStatus;
}

export type ModelStatus = "active" | "shadow" | "retired";
export const MODEL_STATUSES: readonly ModelStatus[] = ["active", "shadow", "retired"];

/** The model registry's metadata row (the weights themselves live in files). */
export interface ModelRecord {
  readonly id: string;
  /** The asset the model serves; fleet-wide models have none. */
  readonly asset?: AssetRef;
  readonly kind: string;
  readonly version: number;
  readonly status: ModelStatus;
  readonly metrics: Readonly<Record<string, unknown>>;
  /** ns since epoch. */
  readonly created: bigint;
}

export interface ModelQuery {
  readonly asset?: AssetRef;
  readonly kind?: string;
  readonly status?: ModelStatus;
}
