import { z } from "zod";

/** Lifecycle of a saved model: "shadow" scores beside the active model without alerting; "retired" is kept for roll-back and audit. */
export const MODEL_STATUSES = ["active", "shadow", "retired"] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/** Ids name directories: no separators, no leading dot, so an id can never point outside the registry. */
export const modelIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, "a model id: letters, digits, '.', '_' or '-'");

const assetSchema = z.strictObject({ site: z.string().min(1), machine: z.string().min(1) });

const tensorSpecSchema = z.strictObject({
  dtype: z.enum(["float32", "float64"]),
  shape: z.array(z.int().nonnegative()),
});

/**
 * How scores become alarms for this model, set from its training scores only: the alarm threshold
 * on the raw score, the level an event's onset is dated by (where the score last rose above it before
 * the alarm; see onsetLevel), the rule that set the threshold, the alert rules that turn
 * crossings into events, and what normal scores look like to the changepoint model that dates an
 * event's phases.
 */
export const calibrationSchema = z.strictObject({
  threshold: z.number(),
  onsetLevel: z.number(),
  rule: z.string().min(1),
  mergeGapSeconds: z.number().nonnegative(),
  minDurationSeconds: z.number().nonnegative(),
  /** Normal scores as the score-regime changepoint model reads them (scoreRegimePrior); absent on older cards. */
  regimes: z
    .strictObject({
      floor: z.number(),
      offset: z.number().positive(),
      mean: z.number(),
      variance: z.number().nonnegative(),
    })
    .optional(),
});

export type ModelCalibration = z.infer<typeof calibrationSchema>;

/** The JSON card saved beside a model's weights; the registry validates it on every read. */
export const modelCardSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: modelIdSchema,
  kind: z.string().min(1),
  /** 1 for the first model of this kind for this asset, then counting up. */
  version: z.int().positive(),
  /** ISO 8601, UTC. */
  created: z.iso.datetime(),
  asset: assetSchema.optional(),
  config: z.record(z.string(), z.unknown()),
  /** The input normaliser's own JSON form, when the detector is fed normalised data. */
  normaliser: z.unknown().optional(),
  training: z.strictObject({
    /** sha256 over the training series' channel names, timestamps and values. */
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    steps: z.int().nonnegative(),
    channels: z.array(z.string()),
  }),
  metrics: z.record(z.string(), z.number()),
  /** Present when the model was saved with its alarm calibration (e.g. by `vigil train`). */
  calibration: calibrationSchema.optional(),
  /** What the weights file must hold, checked on load. */
  tensors: z.record(z.string(), tensorSpecSchema),
  /** sha256 of the safetensors file, so a swapped or corrupted file is caught even if well formed. */
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ModelCard = z.infer<typeof modelCardSchema>;

/** The registry's mutable state: lifecycle per model and activation history per asset. */
export const registryStateSchema = z.strictObject({
  formatVersion: z.literal(1),
  status: z.record(modelIdSchema, z.enum(MODEL_STATUSES)),
  assets: z.record(
    z.string(),
    z.strictObject({
      active: modelIdSchema.optional(),
      /** Previously active ids, oldest first; roll-back pops the last. */
      previous: z.array(modelIdSchema),
    }),
  ),
});

export type RegistryState = z.infer<typeof registryStateSchema>;
