/**
 * JSON schemas shared by the routes (fastify validates requests with them and serialises responses
 * through them; @fastify/swagger publishes them at /docs). They mirror contract.ts.
 */

const NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$";

export const nameSchema = { type: "string", pattern: NAME_PATTERN } as const;

export const apiErrorSchema = {
  $id: "ApiError",
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, where: { type: "string" } },
    },
  },
} as const;

/** Every route may answer with these. */
export const errorResponses = {
  "4xx": { $ref: "ApiError#" },
  "5xx": { $ref: "ApiError#" },
} as const;

export const assetParams = {
  type: "object",
  required: ["site", "machine"],
  properties: { site: nameSchema, machine: nameSchema },
} as const;

export const msTime = { type: "integer", description: "ms since the Unix epoch" } as const;

export const rangeQuery = {
  from: { ...msTime, description: "start (inclusive), ms since the epoch" },
  to: { ...msTime, description: "end (exclusive), ms since the epoch" },
  maxPoints: { type: "integer", minimum: 2, maximum: 100_000, default: 2000 },
} as const;

const nullableNumbers = { type: "array", items: { type: ["number", "null"] } } as const;

export const driftSignalSchema = {
  type: "object",
  required: ["statistic", "threshold", "alarm"],
  properties: { statistic: { type: "number" }, threshold: { type: "number" }, alarm: { type: "boolean" } },
} as const;

export const driftStatusSchema = {
  $id: "DriftStatus",
  type: "object",
  required: ["latent", "score", "channels"],
  properties: {
    latent: driftSignalSchema,
    score: driftSignalSchema,
    channels: { type: "object", additionalProperties: driftSignalSchema },
    retrain: {
      type: "object",
      required: ["state"],
      properties: {
        state: { type: "string", enum: ["idle", "waiting-for-data", "training", "shadow"] },
        reason: { type: "string" },
      },
    },
  },
} as const;

export const seriesResponseSchema = {
  type: "object",
  required: ["timestamps", "channels", "values"],
  properties: {
    timestamps: { type: "array", items: { type: "number" } },
    channels: { type: "array", items: { type: "string" } },
    values: { type: "array", items: nullableNumbers },
  },
} as const;

export const scoresResponseSchema = {
  type: "object",
  required: ["model", "timestamps", "score", "threshold"],
  properties: {
    model: { type: "string" },
    timestamps: { type: "array", items: { type: "number" } },
    score: nullableNumbers,
    threshold: nullableNumbers,
  },
} as const;

export const ingestResponseSchema = {
  type: "object",
  required: ["accepted", "rejected", "errors"],
  properties: {
    accepted: { type: "integer" },
    rejected: { type: "integer" },
    errors: {
      type: "array",
      items: {
        type: "object",
        required: ["index", "reason"],
        properties: { index: { type: "integer" }, reason: { type: "string" } },
      },
    },
  },
} as const;

export const eventStatusSchema = { type: "string", enum: ["open", "acknowledged", "resolved"] } as const;

const eventSummaryProperties = {
  id: { type: "string" },
  site: { type: "string" },
  machine: { type: "string" },
  start: { type: "number" },
  end: { type: "number" },
  type: { type: "string" },
  severity: { type: "number" },
  status: eventStatusSchema,
  channel: { type: "string" },
  comment: { type: "string" },
} as const;
const eventSummaryRequired = ["id", "site", "machine", "start", "end", "type", "severity", "status"] as const;

export const eventSummarySchema = {
  $id: "EventSummary",
  type: "object",
  required: eventSummaryRequired,
  properties: eventSummaryProperties,
} as const;

export const explanationSchema = {
  type: "object",
  required: ["onset", "ranking", "heatmap", "components", "componentTimestamps"],
  properties: {
    onset: { type: "number" },
    ranking: {
      type: "array",
      items: {
        type: "object",
        required: ["channel", "contribution"],
        properties: { channel: { type: "string" }, contribution: { type: "number" } },
      },
    },
    heatmap: {
      type: "object",
      required: ["timestamps", "channels", "values"],
      properties: {
        timestamps: { type: "array", items: { type: "number" } },
        channels: { type: "array", items: { type: "string" } },
        values: { type: "array", items: { type: "array", items: { type: "number" } } },
      },
    },
    components: { type: "object", additionalProperties: { type: "array", items: { type: "number" } } },
    componentTimestamps: { type: "array", items: { type: "number" } },
  },
} as const;

export const eventDetailSchema = {
  type: "object",
  required: eventSummaryRequired,
  properties: {
    ...eventSummaryProperties,
    explanation: explanationSchema,
    phases: { type: "array", items: { type: "number" } },
  },
} as const;

export const modelSummarySchema = {
  $id: "ModelSummary",
  type: "object",
  required: ["id", "kind", "version", "status", "created", "metrics"],
  properties: {
    id: { type: "string" },
    site: { type: "string" },
    machine: { type: "string" },
    kind: { type: "string" },
    version: { type: "integer" },
    status: { type: "string", enum: ["active", "shadow", "retired"] },
    created: { type: "number" },
    metrics: { type: "object", additionalProperties: true },
  },
} as const;

export const jobSchema = {
  $id: "Job",
  type: "object",
  required: ["id", "kind", "state", "progress"],
  properties: {
    id: { type: "string" },
    kind: { type: "string", enum: ["train", "retrain"] },
    state: { type: "string", enum: ["queued", "running", "done", "failed"] },
    progress: { type: "number" },
    message: { type: "string" },
    model: { type: "string" },
  },
} as const;

/** Schemas registered once with app.addSchema and referenced by $id. */
export const SHARED_SCHEMAS = [
  apiErrorSchema,
  driftStatusSchema,
  eventSummarySchema,
  modelSummarySchema,
  jobSchema,
];
