// Parameter initialisation, matching PyTorch's defaults so both engines start alike.
import { noGrad } from "../autograd/grad-mode.ts";
import { empty } from "../tensor/creation.ts";
import type { Generator } from "../tensor/generator.ts";
import type { Tensor } from "../tensor/tensor.ts";

/** fan_in as torch.nn.init._calculate_fan_in_and_fan_out: shape[1] × receptive field. */
export function fanIn(shape: readonly number[]): number {
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  return (shape[1] ?? 1) * receptive;
}

export function uniform(shape: readonly number[], bound: number, generator?: Generator): Tensor {
  const t = empty(shape);
  noGrad(() => t.uniform_(-bound, bound, generator));
  return t;
}

/**
 * PyTorch's default for Linear/Conv weights: kaiming_uniform_(a=√5), i.e. U(±1/√fan_in); biases
 * use the same bound.
 */
export function kaimingUniformDefault(shape: readonly number[], generator?: Generator): Tensor {
  return uniform(shape, 1 / Math.sqrt(Math.max(1, fanIn(shape))), generator);
}

export function xavierUniform(shape: readonly number[], gain = 1, generator?: Generator): Tensor {
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  const fanInV = (shape[1] ?? 1) * receptive;
  const fanOut = (shape[0] ?? 1) * receptive;
  return uniform(shape, gain * Math.sqrt(6 / (fanInV + fanOut)), generator);
}
