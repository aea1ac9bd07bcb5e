import { withDefaults } from "@vigil/core/validate";
import { zerosLike } from "../tensor/creation.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { Optimizer } from "./optimizer.ts";

export interface RmspropOptions {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  weightDecay: number;
}

const RMSPROP_DEFAULTS: RmspropOptions = { lr: 1e-2, alpha: 0.99, eps: 1e-8, momentum: 0, weightDecay: 0 };

/** RMSprop as torch.optim.RMSprop (non-centred). */
export class RMSprop extends Optimizer {
  readonly options: RmspropOptions;
  readonly #square: Tensor[];
  readonly #momentum: Tensor[];

  constructor(params: readonly Tensor[], options: Partial<RmspropOptions> = {}) {
    const o = withDefaults("RMSprop options", RMSPROP_DEFAULTS, options);
    super(params, o.lr);
    this.options = o;
    this.#square = params.map((p) => this.state(zerosLike(p)));
    this.#momentum = o.momentum === 0 ? [] : params.map((p) => this.state(zerosLike(p)));
  }

  protected update(p: Tensor, grad: Tensor, i: number): void {
    const { alpha, eps, momentum, weightDecay } = this.options;
    const g = weightDecay === 0 ? grad : grad.add(p, weightDecay);
    const sq = this.#square[i]!.mul_(alpha).addcmul_(g, g, 1 - alpha);
    const scaled = g.div(sq.sqrt().add_(eps));
    if (momentum !== 0) {
      const buf = this.#momentum[i]!.mul_(momentum).add_(scaled);
      p.sub_(buf.mul(this.lrTensor));
    } else {
      p.sub_(scaled.mul(this.lrTensor));
    }
  }
}
