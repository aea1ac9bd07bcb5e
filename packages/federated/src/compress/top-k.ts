import { expectPositiveInteger } from "@vigil/core/validate";
import type { FloatArray } from "../update/model-update.ts";
import type { TensorPayload } from "../update/tensor-encoding.ts";

/**
 * The k largest-magnitude elements of a tensor, indices ascending (ties broken by index); all others
 * are sent as zero. 8 bytes per kept element plus 4.
 */
export function topK(data: FloatArray, k: number): Extract<TensorPayload, { kind: "sparse" }> {
  expectPositiveInteger("k", k);
  const kept = Math.min(k, data.length);
  const order = Uint32Array.from({ length: data.length }, (_, i) => i);
  order.sort((a, b) => Math.abs(data[b]!) - Math.abs(data[a]!) || a - b);
  const indices = order.slice(0, kept).sort();
  const values = Float32Array.from(indices, (i) => data[i]!);
  return { kind: "sparse", indices, values };
}

/**
 * Client-side error feedback for top-k (Stich et al. 2018; Karimireddy et al. 2019): what was not sent
 * is remembered and added to the next delta, so every coordinate's change is transmitted eventually
 * instead of being lost. One residual per tensor name.
 */
export class ErrorFeedback {
  readonly #residuals = new Map<string, Float64Array>();

  /** delta + the residual of earlier rounds, for this tensor. */
  compensate(name: string, delta: FloatArray): Float64Array {
    const residual = this.#residuals.get(name);
    const out = Float64Array.from(delta);
    if (residual !== undefined && residual.length === out.length) {
      for (let i = 0; i < out.length; i++) out[i] = out[i]! + residual[i]!;
    }
    return out;
  }

  /** Remembers what of `compensated` the sparse payload did not carry. */
  remember(name: string, compensated: Float64Array, sent: Extract<TensorPayload, { kind: "sparse" }>): void {
    const residual = Float64Array.from(compensated);
    sent.indices.forEach((index, j) => {
      // The value travels as float32: its rounding error stays in the residual too.
      residual[index] = compensated[index]! - sent.values[j]!;
    });
    this.#residuals.set(name, residual);
  }

  /** L2 norm of everything not yet sent. */
  residualNorm(): number {
    let ss = 0;
    for (const r of this.#residuals.values()) for (const v of r) ss += v * v;
    return Math.sqrt(ss);
  }
}
