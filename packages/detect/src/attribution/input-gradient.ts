import { grad, type Tensor, tidy } from "@vigil/torch";

/** A differentiable score of a batch of inputs [batch, ...] → [batch], each sample scored independently. */
export type BatchScore = (x: Tensor) => Tensor;

/**
 * ∂f/∂x for each sample of `x` (same shape as x), with gradients on whatever the caller's grad mode
 * is: summing the per-sample scores gives each sample its own gradient, since samples do not interact.
 */
export function inputGradient(f: BatchScore, x: Tensor): Tensor {
  return tidy(() => {
    const leaf = x.detach().requiresGrad_(true);
    const [g] = grad(f(leaf).sum(), leaf);
    return g!.detach();
  });
}
