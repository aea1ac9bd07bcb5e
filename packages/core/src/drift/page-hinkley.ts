import { VigilInputError } from "../errors/index.ts";
import { expectInteger, expectNumber, expectOneOf, withDefaults } from "../validate/index.ts";
import type { OnlineDriftDetector, OnlineDriftStep } from "./online-detector.ts";

export interface PageHinkleyOptions {
  /** Magnitude of change tolerated per step (δ). */
  delta: number;
  /** Alarm when the cumulative deviation exceeds this (λ); calibrate it with calibrateThresholdForERT. */
  threshold: number;
  /** Forgetting factor of the cumulative sums (1 = none). */
  alpha: number;
  /** Steps before any alarm may be raised. */
  minInstances: number;
  /** Detect increases, decreases, or both. */
  direction: "up" | "down" | "both";
}

const DEFAULTS: PageHinkleyOptions = {
  delta: 0.005,
  threshold: 50,
  alpha: 1,
  minInstances: 30,
  direction: "up",
};

export interface PageHinkleyState {
  readonly kind: "vigil.page-hinkley";
  readonly version: 1;
  readonly options: PageHinkleyOptions;
  readonly count: number;
  readonly mean: number;
  readonly sumUp: number;
  readonly minUp: number;
  readonly sumDown: number;
  readonly minDown: number;
}

function validate(what: string, options: Partial<PageHinkleyOptions> | undefined): PageHinkleyOptions {
  const o = withDefaults(what, DEFAULTS, options);
  expectNumber("delta", o.delta, 0);
  expectNumber("threshold", o.threshold, 0);
  expectNumber("alpha", o.alpha, 0, 1);
  expectInteger("minInstances", o.minInstances, 1);
  expectOneOf("direction", o.direction, ["up", "down", "both"]);
  return o;
}

/**
 * Page–Hinkley test (Page 1954; as in Gama et al. 2014 and river): m_t = α·m_{t−1} + (x_t − x̄_t − δ), alarm when
 * m_t − min m exceeds the threshold, then restart. The statistic is m_t − min m (the larger of both directions).
 */
export class PageHinkley implements OnlineDriftDetector {
  readonly options: PageHinkleyOptions;
  #count = 0;
  #mean = 0;
  #sumUp = 0;
  #minUp = 0;
  #sumDown = 0;
  #minDown = 0;

  constructor(options?: Partial<PageHinkleyOptions>) {
    this.options = validate("PageHinkley", options);
  }

  static fromJSON(state: unknown, source = "Page-Hinkley state"): PageHinkley {
    const s = state as Partial<PageHinkleyState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.page-hinkley" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.page-hinkley" and version 1', {
        source,
      });
    }
    const ph = new PageHinkley(s.options);
    for (const key of ["count", "mean", "sumUp", "minUp", "sumDown", "minDown"] as const) {
      if (typeof s[key] !== "number" || !Number.isFinite(s[key])) {
        throw new VigilInputError(`expected a finite number, got ${String(s[key])}`, { source, column: key });
      }
    }
    ph.#count = s.count!;
    ph.#mean = s.mean!;
    ph.#sumUp = s.sumUp!;
    ph.#minUp = s.minUp!;
    ph.#sumDown = s.sumDown!;
    ph.#minDown = s.minDown!;
    return ph;
  }

  /** Feeds one value; NaN (missing) changes nothing. */
  step(x: number): OnlineDriftStep {
    if (Number.isNaN(x)) return { drift: false, statistic: this.#statistic() };
    const { alpha, delta } = this.options;
    this.#count++;
    this.#mean += (x - this.#mean) / this.#count;
    this.#sumUp = alpha * this.#sumUp + (x - this.#mean - delta);
    this.#minUp = Math.min(this.#minUp, this.#sumUp);
    this.#sumDown = alpha * this.#sumDown + (this.#mean - x - delta);
    this.#minDown = Math.min(this.#minDown, this.#sumDown);
    const statistic = this.#statistic();
    const drift = statistic > this.options.threshold;
    if (drift) this.reset();
    return { drift, statistic };
  }

  reset(): void {
    this.#count = 0;
    this.#mean = 0;
    this.#sumUp = 0;
    this.#minUp = 0;
    this.#sumDown = 0;
    this.#minDown = 0;
  }

  toJSON(): PageHinkleyState {
    return {
      kind: "vigil.page-hinkley",
      version: 1,
      options: { ...this.options },
      count: this.#count,
      mean: this.#mean,
      sumUp: this.#sumUp,
      minUp: this.#minUp,
      sumDown: this.#sumDown,
      minDown: this.#minDown,
    };
  }

  #statistic(): number {
    if (this.#count < this.options.minInstances) return 0;
    const up = this.#sumUp - this.#minUp;
    const down = this.#sumDown - this.#minDown;
    const d = this.options.direction;
    return d === "up" ? up : d === "down" ? down : Math.max(up, down);
  }
}
