import { VigilArgumentError, VigilInputError } from "../errors/index.ts";
import { normalQuantile, twoSidedNormalP } from "../stats/index.ts";
import { quantileOfSorted, sortedFinite } from "../threshold/index.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";

export interface ScoreCalibratorOptions {
  /** Spacing of the anchor levels on the |z| scale. */
  anchorStep: number;
}

const DEFAULTS: ScoreCalibratorOptions = { anchorStep: 0.25 };

export interface ScoreCalibratorState {
  readonly kind: "vigil.score-calibrator";
  readonly version: 1;
  /** [raw score, calibrated |z|] pairs, raw strictly increasing, |z| non-decreasing. */
  readonly anchors: [number, number][];
}

/** The |z| whose half-normal tail P(|Z| > z) equals `tail` (from the lower tail, where Φ⁻¹ keeps precision). */
const halfNormalZ = (tail: number) => -normalQuantile(tail / 2);

/**
 * A monotone map from a detector's raw scores to a |z|-like scale, as Merlion's AnomScoreCalibrator: the anchors
 * pair the empirical quantiles of scores on training/validation data with the same quantiles of |Z|, Z standard
 * normal, and scores are mapped by linear interpolation between anchors (0 below the lowest score, the last
 * segment's slope beyond the highest). On drift-free data a calibrated score of 3 is as rare as |Z| > 3, whatever the
 * detector, so thresholds and dashboards mean the same across detectors and assets.
 */
export class ScoreCalibrator {
  readonly #x: Float64Array;
  readonly #z: Float64Array;

  private constructor(x: Float64Array, z: Float64Array) {
    this.#x = x;
    this.#z = z;
  }

  static fit(scores: ArrayLike<number>, options?: Partial<ScoreCalibratorOptions>): ScoreCalibrator {
    const o = withDefaults("ScoreCalibrator.fit", DEFAULTS, options);
    expectNumber("anchorStep", o.anchorStep, 1e-3, 10);
    const sorted = sortedFinite("scores", scores);
    const n = sorted.length;
    const x: number[] = [];
    const z: number[] = [];
    const add = (xv: number, zv: number) => {
      // Tied raw quantiles (an atom in the scores) keep the lowest |z|, the conservative choice.
      if (x.length === 0 || xv > x[x.length - 1]!) {
        x.push(xv);
        z.push(zv);
      }
    };
    // Levels whose tail is resolvable with n samples, then the maximum at its plotting position 1/(2n).
    for (let level = 0; twoSidedNormalP(level) >= 1 / n; level += o.anchorStep) {
      add(quantileOfSorted(sorted, 1 - twoSidedNormalP(level)), level);
    }
    add(sorted[n - 1]!, Math.max(z[z.length - 1]!, halfNormalZ(1 / (2 * n))));
    if (x.length < 2) {
      throw new VigilArgumentError(
        `Expected at least two distinct scores to fit ScoreCalibrator but all ${n} finite scores equal ${sorted[0]}`,
      );
    }
    return new ScoreCalibrator(Float64Array.from(x), Float64Array.from(z));
  }

  static fromJSON(state: unknown, source = "score calibrator state"): ScoreCalibrator {
    const s = state as Partial<ScoreCalibratorState> | null;
    if (s === null || typeof s !== "object" || s.kind !== "vigil.score-calibrator" || s.version !== 1) {
      throw new VigilInputError('expected an object with kind "vigil.score-calibrator" and version 1', {
        source,
      });
    }
    if (!Array.isArray(s.anchors) || s.anchors.length < 2) {
      throw new VigilInputError("expected at least two anchors", { source, column: "anchors" });
    }
    const x = new Float64Array(s.anchors.length);
    const z = new Float64Array(s.anchors.length);
    s.anchors.forEach((pair, i) => {
      const [xv, zv] = Array.isArray(pair) ? pair : [];
      const ok =
        Number.isFinite(xv) &&
        Number.isFinite(zv) &&
        (zv as number) >= 0 &&
        (i === 0 || ((xv as number) > x[i - 1]! && (zv as number) >= z[i - 1]!));
      if (!ok) {
        throw new VigilInputError(
          "expected a finite [score, z] pair, scores increasing and z non-decreasing",
          {
            source,
            column: `anchors[${i}]`,
          },
        );
      }
      x[i] = xv as number;
      z[i] = zv as number;
    });
    return new ScoreCalibrator(x, z);
  }

  /** The calibrated |z| of a raw score; NaN stays NaN (missing). */
  calibrate(score: number): number {
    if (Number.isNaN(score)) return score;
    const x = this.#x;
    const z = this.#z;
    const last = x.length - 1;
    if (score <= x[0]!) return z[0]!;
    // Binary search for the segment; beyond the last anchor, extend the last segment.
    let lo = 0;
    let hi = last;
    if (score >= x[last]!) lo = last - 1;
    else {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid]! <= score) lo = mid;
        else hi = mid;
      }
    }
    const slope = (z[lo + 1]! - z[lo]!) / (x[lo + 1]! - x[lo]!);
    return z[lo]! + slope * (score - x[lo]!);
  }

  calibrateAll(scores: ArrayLike<number>): Float64Array {
    return Float64Array.from({ length: scores.length }, (_, i) => this.calibrate(scores[i]!));
  }

  /** Estimated P(score ≥ this one) on the calibration data's distribution: the half-normal tail of the |z|. */
  tailProbability(score: number): number {
    return twoSidedNormalP(this.calibrate(score));
  }

  toJSON(): ScoreCalibratorState {
    return {
      kind: "vigil.score-calibrator",
      version: 1,
      anchors: Array.from(this.#x, (xv, i): [number, number] => [xv, this.#z[i]!]),
    };
  }
}
