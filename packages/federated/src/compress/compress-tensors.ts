import { VigilArgumentError } from "@vigil/core/errors";
import type { Rng } from "@vigil/core/random";
import { expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";
import type { NamedTensor } from "../update/model-update.ts";
import type { EncodedTensor, TensorPayload } from "../update/tensor-encoding.ts";
import { quantise8 } from "./stochastic-quantise.ts";
import { ErrorFeedback, topK } from "./top-k.ts";

export const COMPRESSION_METHODS = ["none", "quantise8", "top-k"] as const;
export type CompressionMethod = (typeof COMPRESSION_METHODS)[number];

export interface CompressionOptions {
  /** "none" (float32), "quantise8" (unbiased 8-bit) or "top-k" (sparsified, with error feedback). */
  method: CompressionMethod;
  /** Fraction of each tensor's elements that top-k keeps (at least one). */
  topKFraction: number;
}

export const COMPRESSION_DEFAULTS: CompressionOptions = { method: "none", topKFraction: 0.05 };

/**
 * A site's compressor of deltas: it owns the random stream of stochastic rounding and, for top-k,
 * the error-feedback residuals that carry unsent change over to the next round.
 */
export class DeltaCompressor {
  readonly options: CompressionOptions;
  readonly #rng: Rng;
  readonly #feedback = new ErrorFeedback();

  constructor(rng: Rng, options?: Partial<CompressionOptions>) {
    const o = withDefaults("compression options", COMPRESSION_DEFAULTS, options);
    expectOneOf("method", o.method, COMPRESSION_METHODS);
    expectNumber("topKFraction", o.topKFraction, Number.MIN_VALUE, 1);
    this.options = o;
    this.#rng = rng;
  }

  /**
   * The tensors as they will travel. A non-finite value is an error: 8-bit codes and top-k would turn
   * it into finite numbers and hide a diverged site from the coordinator's screening.
   */
  compress(tensors: readonly NamedTensor[]): EncodedTensor[] {
    for (const t of tensors) {
      const i = t.data.findIndex((v) => !Number.isFinite(v));
      if (i >= 0) {
        throw new VigilArgumentError(
          `Expected finite deltas but tensor "${t.name}" element ${i} is ${t.data[i]}`,
          { name: t.name },
        );
      }
    }
    return tensors.map((t) => ({ name: t.name, shape: t.shape, payload: this.#payload(t) }));
  }

  #payload(t: NamedTensor): TensorPayload {
    switch (this.options.method) {
      case "none":
        return { kind: "float32", data: Float32Array.from(t.data) };
      case "quantise8":
        return quantise8(t.data, this.#rng);
      case "top-k": {
        const compensated = this.#feedback.compensate(t.name, t.data);
        const sent = topK(compensated, Math.max(1, Math.ceil(this.options.topKFraction * t.data.length)));
        this.#feedback.remember(t.name, compensated, sent);
        return sent;
      }
    }
  }

  /** L2 norm of the change top-k has not sent yet (0 for the other methods). */
  pendingNorm(): number {
    return this.#feedback.residualNorm();
  }
}
