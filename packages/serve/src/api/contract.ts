/**
 * The service's wire contract: what the HTTP API returns and what the live socket pushes. The
 * dashboard imports these types (types only) so both sides change together. Times on the wire are
 * milliseconds since the Unix epoch (numbers: what browsers and uPlot use); the store keeps ns.
 * Assets are addressed as "<site>/<machine>" in bodies and as `:site/:machine` in paths.
 */

export type Health = "ok" | "warning" | "alarm" | "unknown";

/** GET /api/health */
export interface HealthResponse {
  readonly status: "ok";
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly assets: number;
  readonly mqtt: {
    readonly broker: "embedded" | "external";
    readonly url: string;
    readonly connected: boolean;
  };
}

/** GET /api/assets: the fleet overview. */
export interface AssetSummary {
  readonly site: string;
  readonly machine: string;
  readonly channels: readonly string[];
  readonly health: Health;
  /** Latest calibrated score (a z-score scale: same meaning across detectors) and its threshold. */
  readonly score?: number;
  readonly threshold?: number;
  readonly openEvents: number;
  /** ms since epoch of the latest reading. */
  readonly lastSeen?: number;
  /** Active model id serving this asset. */
  readonly model?: string;
  readonly drift?: DriftStatus;
}

/** GET /api/assets/:site/:machine/series?from&to&channels=a,b&maxPoints=2000 (min/max decimated). */
export interface SeriesResponse {
  readonly timestamps: readonly number[];
  readonly channels: readonly string[];
  /** values[c][i]; null where missing. */
  readonly values: readonly (readonly (number | null)[])[];
}

/** GET /api/assets/:site/:machine/scores?from&to&maxPoints */
export interface ScoresResponse {
  readonly model: string;
  readonly timestamps: readonly number[];
  readonly score: readonly (number | null)[];
  readonly threshold: readonly (number | null)[];
}

/** POST /api/ingest (JSON readings) and POST /api/assets/:site/:machine/upload (CSV, JSON, Parquet). */
export interface IngestResponse {
  readonly accepted: number;
  readonly rejected: number;
  /** First rejections with their reason (capped); the counter holds the total. */
  readonly errors: readonly { readonly index: number; readonly reason: string }[];
}

/** One reading as JSON over HTTP or MQTT (`vigil/<site>/<machine>/<channel>` carries {t, v}). */
export interface Reading {
  readonly site: string;
  readonly machine: string;
  readonly channel: string;
  /** ms since epoch (number) or ISO-8601 string. */
  readonly t: number | string;
  readonly v: number;
}

export type EventStatus = "open" | "acknowledged" | "resolved";

/** GET /api/events?site&machine&status */
export interface EventSummary {
  readonly id: string;
  readonly site: string;
  readonly machine: string;
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly severity: number;
  readonly status: EventStatus;
  /** Top root-cause channel. */
  readonly channel?: string;
  readonly comment?: string;
}

/** GET /api/events/:id: the event view. */
export interface EventDetail extends EventSummary {
  readonly explanation?: Explanation;
  /** Where the event's score changed regime, from its start to its end (ms since epoch; see eventPhases). */
  readonly phases?: readonly number[];
}

export interface Explanation {
  /** ms since epoch. */
  readonly onset: number;
  /** Channels ranked by contribution (shares summing to 1). */
  readonly ranking: readonly { readonly channel: string; readonly contribution: number }[];
  /** Contribution heatmap over time × channel: values[c][i] at timestamps[i]. */
  readonly heatmap: {
    readonly timestamps: readonly number[];
    readonly channels: readonly string[];
    readonly values: readonly (readonly number[])[];
  };
  /** Score components (e.g. reconstruction, kl, forecast) over the event window. */
  readonly components: Readonly<Record<string, readonly number[]>>;
  readonly componentTimestamps: readonly number[];
}

/** PATCH /api/events/:id */
export interface EventPatch {
  readonly status?: EventStatus;
  readonly comment?: string;
}

export type ModelStatus = "active" | "shadow" | "retired";

/** GET /api/models?site&machine */
export interface ModelSummary {
  readonly id: string;
  readonly site?: string;
  readonly machine?: string;
  readonly kind: string;
  readonly version: number;
  readonly status: ModelStatus;
  readonly created: number;
  readonly metrics: Readonly<Record<string, unknown>>;
}

/** POST /api/models/train → 202 with the job; GET /api/jobs/:id. */
export interface TrainRequest {
  readonly site: string;
  readonly machine: string;
  readonly detector: string;
  /** ms since epoch; the normal period to learn from (default: everything stored). */
  readonly from?: number;
  readonly to?: number;
  readonly config?: Readonly<Record<string, unknown>>;
}

export interface Job {
  readonly id: string;
  readonly kind: "train" | "retrain";
  readonly state: "queued" | "running" | "done" | "failed";
  /** 0..1 */
  readonly progress: number;
  readonly message?: string;
  readonly model?: string;
}

export interface DriftStatus {
  readonly latent: DriftSignal;
  readonly score: DriftSignal;
  /** Per-channel data drift (PSI). */
  readonly channels: Readonly<Record<string, DriftSignal>>;
  readonly retrain?: {
    readonly state: "idle" | "waiting-for-data" | "training" | "shadow";
    readonly reason?: string;
  };
}

export interface DriftSignal {
  readonly statistic: number;
  readonly threshold: number;
  readonly alarm: boolean;
}

/** GET /api/drift */
export interface DriftReport {
  readonly assets: readonly ({ readonly site: string; readonly machine: string } & DriftStatus)[];
}

/** Messages pushed on the live WebSocket (GET /api/live, upgraded). */
export type LiveMessage =
  | {
      readonly type: "scores";
      /** One micro-batch: per asset the new score points. */
      readonly points: readonly {
        readonly site: string;
        readonly machine: string;
        readonly t: number;
        readonly score: number;
        readonly threshold: number;
      }[];
    }
  | {
      readonly type: "readings";
      readonly site: string;
      readonly machine: string;
      readonly timestamps: readonly number[];
      readonly channels: readonly string[];
      readonly values: readonly (readonly (number | null)[])[];
    }
  | { readonly type: "event"; readonly event: EventSummary }
  | { readonly type: "drift"; readonly site: string; readonly machine: string; readonly drift: DriftStatus }
  | { readonly type: "model"; readonly model: ModelSummary }
  | { readonly type: "job"; readonly job: Job }
  /** A client message that could not be understood (the socket stays open). */
  | { readonly type: "error"; readonly error: ApiError["error"] };

/** What a client may send on the live socket: choose which asset's raw readings to receive. */
export interface LiveSubscribe {
  readonly type: "subscribe";
  readonly site: string;
  readonly machine: string;
}

/** Client → server on /api/live: stop the raw readings (scores and events keep coming). */
export interface LiveUnsubscribe {
  readonly type: "unsubscribe";
}

/** Error body of every 4xx/5xx answer. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string; readonly where?: string };
}
