import type { Optimizer } from "./optimizer.ts";

/** lr = initial · γ^⌊epoch / stepSize⌋ (torch.optim.lr_scheduler.StepLR). Call step() once per epoch. */
export class StepLR {
  #epoch = 0;
  readonly #initial: number;
  constructor(
    readonly optimizer: Optimizer,
    readonly stepSize: number,
    readonly gamma = 0.1,
  ) {
    this.#initial = optimizer.lr;
  }
  step(): void {
    this.#epoch++;
    this.optimizer.lr = this.#initial * this.gamma ** Math.floor(this.#epoch / this.stepSize);
  }
}

/** Cosine annealing from the initial rate to etaMin over tMax epochs (CosineAnnealingLR, closed form). */
export class CosineAnnealingLR {
  #epoch = 0;
  readonly #initial: number;
  constructor(
    readonly optimizer: Optimizer,
    readonly tMax: number,
    readonly etaMin = 0,
  ) {
    this.#initial = optimizer.lr;
  }
  step(): void {
    this.#epoch++;
    const t = Math.min(this.#epoch, this.tMax);
    this.optimizer.lr =
      this.etaMin + ((this.#initial - this.etaMin) * (1 + Math.cos((Math.PI * t) / this.tMax))) / 2;
  }
}

/** Multiplies the rate by `factor` after `patience` epochs without improvement of a metric (ReduceLROnPlateau, mode "min"). */
export class ReduceLROnPlateau {
  #best = Number.POSITIVE_INFINITY;
  #bad = 0;
  constructor(
    readonly optimizer: Optimizer,
    readonly options: { factor?: number; patience?: number; threshold?: number; minLr?: number } = {},
  ) {}
  step(metric: number): void {
    const threshold = this.options.threshold ?? 1e-4;
    if (metric < this.#best * (1 - threshold)) {
      this.#best = metric;
      this.#bad = 0;
      return;
    }
    this.#bad++;
    if (this.#bad > (this.options.patience ?? 10)) {
      this.optimizer.lr = Math.max(this.options.minLr ?? 0, this.optimizer.lr * (this.options.factor ?? 0.1));
      this.#bad = 0;
    }
  }
}
