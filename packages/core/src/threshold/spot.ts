import { VigilInputError } from "../errors/index.ts";
import { fitGpd, type GpdFit } from "./gpd.ts";
import { type PotOptions, potQuantile, potThreshold, validatePotOptions } from "./pot.ts";

export interface SpotStep {
  /** x exceeded the threshold in force before it arrived. */
  readonly alarm: boolean;
  /** The threshold in force after x (alarms never move it). */
  readonly threshold: number;
}

export interface SpotState {
  readonly kind: "vigil.spot";
  readonly version: 1;
  readonly options: PotOptions;
  readonly initialThreshold: number;
  readonly excesses: number[];
  readonly observations: number;
}

/**
 * Streaming POT (SPOT, Siffer et al., KDD 2017, Alg. 1) on the upper tail: values above z_q raise an alarm
 * and are not learnt from; values between t and z_q join the peaks and the GPD is refitted; every non-alarm
 * counts as an observation. Its state is plain JSON so a threshold survives restarts.
 */
export class Spot {
  readonly options: PotOptions;
  readonly initialThreshold: number;
  #excesses: number[];
  #observations: number;
  #fit: GpdFit;
  #threshold: number;

  private constructor(
    options: PotOptions,
    initialThreshold: number,
    excesses: number[],
    observations: number,
  ) {
    this.options = options;
    this.initialThreshold = initialThreshold;
    this.#excesses = excesses;
    this.#observations = observations;
    this.#fit = fitGpd(this.#excesses);
    this.#threshold = this.#quantile();
  }

  /** Calibrates on drift-free data (the paper's n initial observations). */
  static fit(calibration: ArrayLike<number>, options?: Partial<PotOptions>): Spot {
    const o = validatePotOptions("Spot.fit", options);
    const pot = potThreshold(calibration, o);
    return new Spot(o, pot.initialThreshold, Array.from(pot.excesses), pot.observations);
  }

  static fromJSON(state: unknown, source = "Spot state"): Spot {
    const s = state as Partial<SpotState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.spot" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.spot" and version 1', { source });
    }
    const options = validatePotOptions(source, s.options);
    const finite = (v: unknown, field: string): number => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new VigilInputError(`expected a finite number, got ${String(v)}`, { source, column: field });
      }
      return v;
    };
    const t = finite(s.initialThreshold, "initialThreshold");
    const n = finite(s.observations, "observations");
    if (!Array.isArray(s.excesses) || s.excesses.length === 0 || s.excesses.length > n) {
      throw new VigilInputError("expected a non-empty excesses array no longer than observations", {
        source,
        column: "excesses",
      });
    }
    const excesses = s.excesses.map((v, i) => {
      const y = finite(v, `excesses[${i}]`);
      if (y < 0)
        throw new VigilInputError(`expected a non-negative excess, got ${y}`, {
          source,
          column: `excesses[${i}]`,
        });
      return y;
    });
    return new Spot(options, t, excesses, n);
  }

  get threshold(): number {
    return this.#threshold;
  }

  get fit(): GpdFit {
    return this.#fit;
  }

  /** Feeds one value; NaN (missing) changes nothing. */
  step(x: number): SpotStep {
    if (Number.isNaN(x)) return { alarm: false, threshold: this.#threshold };
    if (x > this.#threshold) return { alarm: true, threshold: this.#threshold };
    this.#observations++;
    if (x > this.initialThreshold) {
      this.#excesses.push(x - this.initialThreshold);
      if (this.#excesses.length >= 2 * this.options.maxPeaks) this.#thin();
      this.#fit = fitGpd(this.#excesses);
    }
    this.#threshold = this.#quantile();
    return { alarm: false, threshold: this.#threshold };
  }

  toJSON(): SpotState {
    return {
      kind: "vigil.spot",
      version: 1,
      options: { ...this.options },
      initialThreshold: this.initialThreshold,
      excesses: [...this.#excesses],
      observations: this.#observations,
    };
  }

  /** Keeps every second peak and half the observations: same tail shape and exceedance rate, half the cost. */
  #thin(): void {
    const kept = this.#excesses.filter((_, i) => i % 2 === 1);
    this.#observations *= kept.length / this.#excesses.length;
    this.#excesses = kept;
  }

  #quantile(): number {
    return potQuantile(
      this.initialThreshold,
      this.#fit,
      this.#observations,
      this.#excesses.length,
      this.options.risk,
    );
  }
}
