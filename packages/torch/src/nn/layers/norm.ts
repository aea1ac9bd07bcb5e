import { ones, zeros } from "../../tensor/creation.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { batchNorm, layerNorm } from "../functional.ts";
import { UnaryModule } from "../module.ts";

/** Normalises over the trailing `normalizedShape` dimensions, with a learned affine map. */
export class LayerNorm extends UnaryModule {
  readonly weight: Tensor;
  readonly bias: Tensor;
  readonly #shape: number[];
  constructor(
    normalizedShape: number | number[],
    readonly eps = 1e-5,
  ) {
    super();
    this.#shape = typeof normalizedShape === "number" ? [normalizedShape] : normalizedShape;
    this.weight = this.registerParameter("weight", ones(this.#shape));
    this.bias = this.registerParameter("bias", zeros(this.#shape));
  }
  forward(x: Tensor): Tensor {
    return layerNorm(x, this.#shape, this.weight, this.bias, this.eps);
  }
}

/** Batch normalisation over [batch, features] or [batch, features, length], running statistics as buffers. */
export class BatchNorm1d extends UnaryModule {
  readonly weight: Tensor;
  readonly bias: Tensor;
  readonly runningMean: Tensor;
  readonly runningVar: Tensor;
  constructor(
    numFeatures: number,
    readonly options: { eps?: number; momentum?: number } = {},
  ) {
    super();
    this.weight = this.registerParameter("weight", ones([numFeatures]));
    this.bias = this.registerParameter("bias", zeros([numFeatures]));
    this.runningMean = this.registerBuffer("running_mean", zeros([numFeatures]));
    this.runningVar = this.registerBuffer("running_var", ones([numFeatures]));
  }
  forward(x: Tensor): Tensor {
    return batchNorm(x, {
      weight: this.weight,
      bias: this.bias,
      runningMean: this.runningMean,
      runningVar: this.runningVar,
      training: this.training,
      momentum: this.options.momentum ?? 0.1,
      eps: this.options.eps ?? 1e-5,
    });
  }
}
