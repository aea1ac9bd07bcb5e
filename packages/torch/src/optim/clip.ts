import { noGrad } from "../autograd/grad-mode.ts";
import { stack } from "../tensor/functions.ts";
import { tidy } from "../tensor/scope.ts";
import type { Tensor } from "../tensor/tensor.ts";

/**
 * Scales all gradients so their joint L2 norm is at most maxNorm (torch.nn.utils.clip_grad_norm_).
 * Returns the norm before clipping as a 0-d tensor; tensor-only, so it can be traced.
 */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): Tensor {
  return noGrad(() =>
    tidy(() => {
      const grads = params.map((p) => p.grad).filter((g): g is Tensor => g !== undefined);
      const total = stack(grads.map((g) => g.norm(2))).norm(2);
      const coef = total.add(1e-6).reciprocal().mul(maxNorm).clamp(undefined, 1);
      for (const g of grads) g.mul_(coef);
      return total;
    }),
  );
}
