import { ops } from "../runtime/native.ts";
import { type Tensor, wrapAll } from "../tensor/tensor.ts";

/**
 * Gradients of `outputs` with respect to `inputs` (torch.autograd.grad), without touching
 * `.grad`: what integrated gradients and other input attributions need.
 */
export function grad(
  outputs: Tensor | readonly Tensor[],
  inputs: Tensor | readonly Tensor[],
  options: { gradOutputs?: readonly Tensor[]; retainGraph?: boolean; createGraph?: boolean } = {},
): Tensor[] {
  const outs = Array.isArray(outputs) ? outputs : [outputs as Tensor];
  const ins = Array.isArray(inputs) ? inputs : [inputs as Tensor];
  return wrapAll(
    ops.autograd_grad(
      outs.map((t) => t.handle),
      ins.map((t) => t.handle),
      options.gradOutputs?.map((t) => t.handle),
      options.retainGraph,
      options.createGraph ?? false,
    ),
  );
}
