import { randn } from "../../tensor/creation.ts";
import type { Generator } from "../../tensor/generator.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { embedding } from "../functional.ts";
import { UnaryModule } from "../module.ts";

/** A lookup table of learned vectors, initialised N(0, 1) as PyTorch. */
export class Embedding extends UnaryModule {
  readonly weight: Tensor;
  constructor(numEmbeddings: number, dim: number, options: { generator?: Generator } = {}) {
    super();
    this.weight = this.registerParameter(
      "weight",
      randn([numEmbeddings, dim], { generator: options.generator }),
    );
  }
  forward(indices: Tensor): Tensor {
    return embedding(indices, this.weight);
  }
}
