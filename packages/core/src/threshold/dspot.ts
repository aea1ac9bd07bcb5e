import { VigilArgumentError, VigilInputError } from "../errors/index.ts";
import { expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { POT_DEFAULTS, type PotOptions } from "./pot.ts";
import { Spot, type SpotState, type SpotStep } from "./spot.ts";

export interface DspotOptions extends PotOptions {
  /** d: the local level is the mean of the last d non-alarm values (Siffer et al.: 10 to 500). */
  depth: number;
}

const DEFAULTS: DspotOptions = { ...POT_DEFAULTS, depth: 20 };

export interface DspotState {
  readonly kind: "vigil.dspot";
  readonly version: 1;
  readonly depth: number;
  readonly window: number[];
  readonly spot: SpotState;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * SPOT with drift (DSPOT, Siffer et al., KDD 2017, Alg. 3): SPOT runs on x − M, where M is the mean of the
 * last `depth` non-alarm values, so a slowly moving level does not raise alarms while jumps still do.
 */
export class Dspot {
  readonly depth: number;
  readonly #spot: Spot;
  readonly #window: number[];

  private constructor(depth: number, spot: Spot, window: number[]) {
    this.depth = depth;
    this.#spot = spot;
    this.#window = window;
  }

  static fit(calibration: ArrayLike<number>, options?: Partial<DspotOptions>): Dspot {
    const { depth, ...pot } = withDefaults("Dspot.fit", DEFAULTS, options);
    expectPositiveInteger("depth", depth);
    const values = Array.from(calibration).filter((x) => !Number.isNaN(x));
    if (values.length <= depth) {
      throw new VigilArgumentError(
        `Expected more than depth = ${depth} calibration values for Dspot.fit but received ${values.length}`,
      );
    }
    const residuals = values.slice(depth).map((x, i) => x - mean(values.slice(i, i + depth)));
    return new Dspot(depth, Spot.fit(residuals, pot), values.slice(-depth));
  }

  static fromJSON(state: unknown, source = "Dspot state"): Dspot {
    const s = state as Partial<DspotState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.dspot" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.dspot" and version 1', { source });
    }
    const depth = s.depth;
    if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1) {
      throw new VigilInputError(`expected a positive integer depth, got ${String(depth)}`, {
        source,
        column: "depth",
      });
    }
    const window = s.window;
    if (!Array.isArray(window) || window.length !== depth || !window.every((v) => Number.isFinite(v))) {
      throw new VigilInputError(`expected ${depth} finite window values`, { source, column: "window" });
    }
    return new Dspot(depth, Spot.fromJSON(s.spot, `${source}.spot`), [...window]);
  }

  /** The threshold in the data's units: local level plus SPOT's threshold on the residual. */
  get threshold(): number {
    return mean(this.#window) + this.#spot.threshold;
  }

  step(x: number): SpotStep {
    if (Number.isNaN(x)) return { alarm: false, threshold: this.threshold };
    const level = mean(this.#window);
    const r = this.#spot.step(x - level);
    if (!r.alarm) {
      this.#window.shift();
      this.#window.push(x);
    }
    return { alarm: r.alarm, threshold: this.threshold };
  }

  toJSON(): DspotState {
    return {
      kind: "vigil.dspot",
      version: 1,
      depth: this.depth,
      window: [...this.#window],
      spot: this.#spot.toJSON(),
    };
  }
}
