import { withDefaults } from "@vigil/core/validate";
import { scalar, zerosLike } from "../tensor/creation.ts";
import type { Tensor } from "../tensor/tensor.ts";
import { Optimizer } from "./optimizer.ts";

export interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  /** L2 penalty added to the gradient (Adam) or decoupled decay of the weights (AdamW). */
  weightDecay: number;
  /** AdamW (Loshchilov & Hutter): decay applied to the weights, not through the gradient. */
  decoupled: boolean;
}

const ADAM_DEFAULTS: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  decoupled: false,
};

/** Adam (Kingma & Ba) with bias correction, as torch.optim.Adam; `decoupled: true` is AdamW. */
export class Adam extends Optimizer {
  readonly options: AdamOptions;
  readonly #m: Tensor[];
  readonly #v: Tensor[];
  readonly #step: Tensor;
  readonly #beta1: Tensor;
  readonly #beta2: Tensor;
  #stepSize: Tensor | undefined;
  #bias2Sqrt: Tensor | undefined;

  constructor(params: readonly Tensor[], options: Partial<AdamOptions> = {}) {
    const o = withDefaults("Adam options", ADAM_DEFAULTS, options);
    super(params, o.lr);
    this.options = o;
    this.#m = params.map((p) => this.state(zerosLike(p)));
    this.#v = params.map((p) => this.state(zerosLike(p)));
    this.#step = this.state(scalar(0, "float64"));
    this.#beta1 = this.state(scalar(o.betas[0], "float64"));
    this.#beta2 = this.state(scalar(o.betas[1], "float64"));
  }

  protected override beforeStep(): void {
    this.#step.add_(1);
    // lr / (1 − β1ᵗ) and √(1 − β2ᵗ), as tensors so traced steps stay correct on replay.
    this.#stepSize = this.lrTensor.div(this.#beta1.pow(this.#step).rsub(1));
    this.#bias2Sqrt = this.#beta2.pow(this.#step).rsub(1).sqrt();
  }

  protected update(p: Tensor, grad: Tensor, i: number): void {
    const { betas, eps, weightDecay, decoupled } = this.options;
    let g = grad;
    if (weightDecay !== 0) {
      if (decoupled) p.sub_(p.mul(this.lrTensor).mul(weightDecay));
      else g = g.add(p, weightDecay);
    }
    const m = this.#m[i]!;
    const v = this.#v[i]!;
    m.lerp_(g, 1 - betas[0]);
    v.mul_(betas[1]).addcmul_(g, g, 1 - betas[1]);
    // p −= stepSize · m / denom, as one fused addcdiv_ (denom pre-divided by the step size tensor)
    const denom = v.sqrt().div_(this.#bias2Sqrt!).add_(eps).div_(this.#stepSize!);
    p.addcdiv_(m, denom, -1);
  }
}

/** AdamW: Adam with decoupled weight decay (default 0.01, as PyTorch). */
export class AdamW extends Adam {
  constructor(params: readonly Tensor[], options: Partial<Omit<AdamOptions, "decoupled">> = {}) {
    super(params, { weightDecay: 0.01, ...options, decoupled: true });
  }
}
