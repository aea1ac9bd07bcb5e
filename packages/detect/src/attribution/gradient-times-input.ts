import { enableGrad, type Tensor, tidy } from "@vigil/torch";
import { type BatchScore, inputGradient } from "./input-gradient.ts";

/**
 * Gradient × input, x ⊙ ∂f/∂x for one input [1, ...], flattened: the first-order share of each
 * input element in f. Inputs are normalised around the training center, so "0" is the typical value.
 */
export function gradientTimesInput(f: BatchScore, x: Tensor): Float64Array {
  return enableGrad(() => tidy(() => inputGradient(f, x).mul(x).toFloat64Array()));
}
