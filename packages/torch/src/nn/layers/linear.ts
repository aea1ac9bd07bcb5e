import type { Generator } from "../../tensor/generator.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { linear } from "../functional.ts";
import { kaimingUniformDefault, uniform } from "../init.ts";
import { UnaryModule } from "../module.ts";

export interface LinearOptions {
  bias?: boolean;
  generator?: Generator;
}

/** y = x·Wᵀ + b, weight [out, in] as PyTorch. */
export class Linear extends UnaryModule {
  readonly weight: Tensor;
  readonly bias: Tensor | undefined;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: LinearOptions = {},
  ) {
    super();
    this.weight = this.registerParameter(
      "weight",
      kaimingUniformDefault([outFeatures, inFeatures], options.generator),
    );
    this.bias =
      options.bias === false
        ? undefined
        : this.registerParameter(
            "bias",
            uniform([outFeatures], 1 / Math.sqrt(inFeatures), options.generator),
          );
  }

  forward(x: Tensor): Tensor {
    return linear(x, this.weight, this.bias);
  }
}
