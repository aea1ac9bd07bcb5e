import type { Tensor } from "../../tensor/tensor.ts";
import { UnaryModule } from "../module.ts";

/** Chains modules; children are named "0", "1", ... as in PyTorch. */
export class Sequential extends UnaryModule {
  readonly layers: readonly UnaryModule[];
  constructor(...layers: UnaryModule[]) {
    super();
    this.layers = layers;
    for (const [i, layer] of layers.entries()) this.registerModule(String(i), layer);
  }
  forward(x: Tensor): Tensor {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out;
  }
}
