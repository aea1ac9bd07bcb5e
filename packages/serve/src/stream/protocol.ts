/**
 * Messages between the stream scorer and its scoring workers. Arrays travel as transferables: the
 * scorer hands over freshly cut copies and the worker returns freshly sliced results.
 */

/** Score the rows of one asset with one model; the last `newSteps` steps' results come back. */
export interface ScoreRequest {
  readonly id: number;
  readonly model: string;
  readonly channels: readonly string[];
  readonly timestamps: BigInt64Array;
  readonly values: Float64Array[];
  readonly newSteps: number;
}

export type ScoreReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly score: Float64Array;
      readonly components: Record<string, Float64Array>;
      readonly contributions: Float64Array[];
      readonly channels: readonly string[];
      /** The latent code per step, for models that have one (see ScoreResult.latent). */
      readonly latent?: Float64Array[];
    }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };

/** Explain an event with detect's attributeEvent: rows [start, end) of the series are the event. */
export interface AttributeRequest {
  readonly id: number;
  readonly model: string;
  readonly channels: readonly string[];
  readonly timestamps: BigInt64Array;
  readonly values: Float64Array[];
  readonly start: number;
  readonly end: number;
  /** Raw score above which a step counts as anomalous (for the onset). */
  readonly threshold: number;
}

/** What an event's detail keeps of attributeEvent: the gradient methods per channel and the peak. */
export interface AttributionSummary {
  readonly method: "vae-attribution";
  /** ns since epoch, as a decimal string. */
  readonly peak: { readonly t: string; readonly score: number };
  readonly channels: readonly {
    readonly channel: string;
    readonly errorShare: number;
    readonly integratedGradients: number;
    readonly gradientTimesInput: number;
    readonly decoderJacobianNorm: number;
  }[];
  /** Integrated gradients' completeness check: Σ attributions ≈ score − baselineScore. */
  readonly completeness: { readonly sum: number; readonly score: number; readonly baselineScore: number };
}

export type AttributeReply =
  | { readonly id: number; readonly ok: true; readonly attribution: AttributionSummary }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string };

export type ToWorker =
  | { readonly type: "score"; readonly batch: number; readonly requests: ScoreRequest[] }
  | { readonly type: "attribute"; readonly batch: number; readonly request: AttributeRequest }
  | { readonly type: "evict"; readonly model: string };

export type FromWorker =
  | { readonly type: "scored"; readonly batch: number; readonly replies: ScoreReply[] }
  | { readonly type: "attributed"; readonly batch: number; readonly reply: AttributeReply };

/** What a scoring worker is started with (startTsWorker's workerData.data). */
export interface WorkerConfig {
  readonly registryDir: string;
}

/** The transferable buffers of a list of typed arrays. */
export function buffersOf(arrays: readonly (Float64Array | BigInt64Array)[]): ArrayBuffer[] {
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
