import { createRng } from "@vigil/core/random";

/** What rebuilds a RandomFeatures map: the weights are redrawn from the seed, so only these travel. */
export interface RandomFeaturesState {
  readonly dims: number;
  readonly features: number;
  /** Gaussian kernel width σ on the standardised embedding. */
  readonly bandwidth: number;
  readonly seed: number;
  /** Robust standardisation of each embedding dimension: (x − center) / scale. */
  readonly center: readonly number[];
  readonly scale: readonly number[];
}

/**
 * Random Fourier features φ(x) = √(2/D)·cos(ωᵀx + b), ω ~ N(0, σ⁻²I), b ~ U[0, 2π) (Rahimi & Recht
 * 2007): E[φ(x)ᵀφ(y)] is the Gaussian kernel, so ‖mean φ(window) − mean φ(reference)‖² estimates the
 * kernel MMD² between the two samples at O(D) per step instead of O(n²) per test — cheap enough to
 * evaluate every block and to simulate thousands of drift-free streams for the ERT calibration.
 */
export class RandomFeatures {
  readonly state: RandomFeaturesState;
  readonly #omega: Float64Array;
  readonly #phase: Float64Array;
  readonly #z: Float64Array;

  constructor(state: RandomFeaturesState) {
    this.state = state;
    const { dims, features, bandwidth, seed } = state;
    const rng = createRng(seed);
    this.#omega = Float64Array.from({ length: dims * features }, () => rng.normal() / bandwidth);
    this.#phase = Float64Array.from({ length: features }, () => rng.next() * 2 * Math.PI);
    this.#z = new Float64Array(dims);
  }

  /** Adds φ(x) to `into` (length `features`); a step with a missing dimension adds nothing and returns false. */
  accumulate(x: ArrayLike<number>, into: Float64Array): boolean {
    const { dims, features, center, scale } = this.state;
    for (let k = 0; k < dims; k++) {
      const v = x[k]!;
      if (!Number.isFinite(v)) return false;
      this.#z[k] = (v - center[k]!) / scale[k]!;
    }
    const norm = Math.sqrt(2 / features);
    for (let f = 0; f < features; f++) {
      let s = this.#phase[f]!;
      for (let k = 0; k < dims; k++) s += this.#omega[f * dims + k]! * this.#z[k]!;
      into[f]! += norm * Math.cos(s);
    }
    return true;
  }
}
