import { noGrad } from "../autograd/grad-mode.ts";
import { scalar } from "../tensor/creation.ts";
import { keep, tidy } from "../tensor/scope.ts";
import type { Tensor } from "../tensor/tensor.ts";

/**
 * Base of the optimisers. State lives in tensors (including the step count), never in JS
 * numbers, so an optimiser step can be traced into a program and replayed asynchronously.
 * `lr` may be changed between steps by schedulers; inside a traced program it is baked in, so
 * traced steps take the rate from a tensor (`lrTensor`) that schedulers update in place.
 */
export abstract class Optimizer {
  readonly params: readonly Tensor[];
  /** The learning rate as a 0-d tensor read by every step (kept in sync with `lr`). */
  readonly lrTensor: Tensor;
  #lr: number;

  constructor(params: readonly Tensor[], lr: number) {
    this.params = params;
    this.#lr = lr;
    // float64: a 0-d tensor does not change the parameters' dtype, and keeps float64 training exact.
    this.lrTensor = keep(scalar(lr, "float64"));
  }

  get lr(): number {
    return this.#lr;
  }
  set lr(value: number) {
    this.#lr = value;
    noGrad(() => this.lrTensor.fill_(value));
  }

  /** Drops all gradients (set-to-none semantics). */
  zeroGrad(): void {
    for (const p of this.params) p.zeroGrad();
  }

  /** One update from the current gradients; parameters without a gradient are skipped. */
  step(): void {
    noGrad(() =>
      tidy(() => {
        this.beforeStep();
        this.params.forEach((p, i) => {
          const g = p.grad;
          if (g !== undefined) this.update(p, g, i);
        });
      }),
    );
  }

  /** Per-step shared work (e.g. bias corrections), inside the step's no-grad scope. */
  protected beforeStep(): void {}

  protected abstract update(param: Tensor, grad: Tensor, index: number): void;

  /** A state tensor that lives as long as the optimiser. */
  protected state(value: Tensor): Tensor {
    this.#state.push(keep(value));
    return value;
  }
  readonly #state: Tensor[] = [];

  dispose(): void {
    this.lrTensor.dispose();
    for (const t of this.#state) t.dispose();
  }
}
