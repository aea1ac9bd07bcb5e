import type { Rng } from "@vigil/core/random";
import type { FloatArray } from "../update/model-update.ts";
import type { TensorPayload } from "../update/tensor-encoding.ts";
import { float32AtLeast, float32AtMost } from "./float32-bounds.ts";

const LEVELS = 255;

/**
 * 8-bit stochastic quantisation of one tensor (QSGD-style, Alistarh et al. 2017, on a min–max grid):
 * 256 levels from the tensor's minimum to its maximum; a value between two levels is rounded up with
 * probability equal to its distance from the lower one, so the dequantised value is unbiased,
 * E[min + code · step] = x, with variance at most step²/4. Grid ends are float32 (as they travel),
 * rounded outwards so every value lies on the grid's span. 1 byte per element plus 8 per tensor.
 */
export function quantise8(data: FloatArray, rng: Rng): Extract<TensorPayload, { kind: "quantised8" }> {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const codes = new Uint8Array(data.length);
  if (data.length === 0) return { kind: "quantised8", min: 0, step: 0, codes };
  const min = float32AtMost(lo);
  let step = float32AtLeast((hi - min) / LEVELS);
  // min + 255·step is evaluated in double; nudge the step until the grid reaches the maximum.
  while (min + LEVELS * step < hi) step = float32AtLeast(step * (1 + 2 ** -23));
  if (step === 0) return { kind: "quantised8", min, step, codes };
  for (let i = 0; i < data.length; i++) {
    const u = (data[i]! - min) / step;
    const below = Math.floor(u);
    codes[i] = Math.min(LEVELS, below + (rng.next() < u - below ? 1 : 0));
  }
  return { kind: "quantised8", min, step, codes };
}
