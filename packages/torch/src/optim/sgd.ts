import { withDefaults } from "@vigil/core/validate";
import { zerosLike } from "../tensor/creation.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { Optimizer } from "./optimizer.ts";

export interface SgdOptions {
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
}

const SGD_DEFAULTS: SgdOptions = { lr: 1e-2, momentum: 0, nesterov: false, weightDecay: 0 };

/** Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD (dampening 0). */
export class SGD extends Optimizer {
  readonly options: SgdOptions;
  readonly #buffers: Tensor[];

  constructor(params: readonly Tensor[], options: Partial<SgdOptions> = {}) {
    const o = withDefaults("SGD options", SGD_DEFAULTS, options);
    super(params, o.lr);
    this.options = o;
    // A zero buffer makes the first momentum step equal PyTorch's buf = grad.
    this.#buffers = o.momentum === 0 ? [] : params.map((p) => this.state(zerosLike(p)));
  }

  protected update(p: Tensor, grad: Tensor, i: number): void {
    const { momentum, nesterov, weightDecay } = this.options;
    let g = weightDecay === 0 ? grad : grad.add(p, weightDecay);
    if (momentum !== 0) {
      const buf = this.#buffers[i]!.mul_(momentum).add_(g);
      g = nesterov ? g.add(buf, momentum) : buf;
    }
    p.sub_(g.mul(this.lrTensor));
  }
}
