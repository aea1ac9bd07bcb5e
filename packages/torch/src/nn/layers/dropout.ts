import type { Tensor } from "../../tensor/tensor.ts";
import { dropout } from "../functional.ts";
import { UnaryModule } from "../module.ts";

/** Zeroes elements with probability p in training mode (scaled by 1/(1−p)); identity in eval. */
export class Dropout extends UnaryModule {
  constructor(readonly p = 0.5) {
    super();
  }
  forward(x: Tensor): Tensor {
    return dropout(x, this.p, this.training);
  }
}
