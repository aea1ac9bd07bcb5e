import { VigilArgumentError } from "../errors/index.ts";
import { createRng, type Rng } from "../random/index.ts";
import { expectInteger, expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";
import type { OnlineDriftDetector } from "./online-detector.ts";

export interface ErtCalibrationOptions {
  /** Builds a fresh detector with threshold = Infinity, so its statistic path is read without alarms. */
  createDetector: () => OnlineDriftDetector;
  /** Draws one drift-free value, e.g. bootstrapSampler(reference). */
  sample: (rng: Rng) => number;
  /** Target expected run time: mean steps to the first false alarm on drift-free data. */
  ert: number;
  /** Simulated drift-free streams. */
  runs: number;
  /** Each stream is simulated for horizonFactor · ert steps; longer run lengths count as that many. */
  horizonFactor: number;
  seed: number;
}

const DEFAULTS: Omit<ErtCalibrationOptions, "createDetector" | "sample"> = {
  ert: 500,
  runs: 200,
  horizonFactor: 8,
  seed: 0,
};

export interface ErtCalibration {
  /** Alarm when statistic > threshold. */
  readonly threshold: number;
  /** Mean first-alarm time at `threshold` over the simulated streams. */
  readonly meanRunLength: number;
  /** Streams with no alarm within the horizon at `threshold`. */
  readonly censored: number;
  readonly horizon: number;
}

/** A drift-free sampler that resamples the reference with replacement. */
export function bootstrapSampler(reference: ArrayLike<number>): (rng: Rng) => number {
  const values = Array.from(reference).filter((v) => !Number.isNaN(v));
  if (values.length === 0)
    throw new VigilArgumentError("Expected a non-empty reference for bootstrapSampler");
  return (rng) => values[rng.int(values.length)]!;
}

/** Record highs of one statistic path: the first alarm time for threshold λ is the first record above λ. */
interface Records {
  times: number[];
  values: number[];
}

function firstAlarm(r: Records, threshold: number, horizon: number): number {
  // Record values increase, so binary-search the first one above the threshold.
  let lo = 0;
  let hi = r.values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.values[mid]! > threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo < r.times.length ? r.times[lo]! : horizon;
}

/**
 * Chooses an online detector's threshold so that its expected run time between false alarms on drift-free data
 * is `ert`, by simulation on reference data as Alibi Detect's online detectors do. Alibi sets a time-varying
 * threshold per step; Vigil's detectors use one threshold, so the target is the classic ARL₀: the mean first
 * alarm time over `runs` simulated streams. Before its first alarm a detector's statistic does not depend on the
 * threshold, so one simulation serves every candidate and the threshold is found by bisection.
 */
export function calibrateThresholdForERT(
  options: Partial<ErtCalibrationOptions> & Pick<ErtCalibrationOptions, "createDetector" | "sample">,
): ErtCalibration {
  const { createDetector, sample, ...rest } = options;
  const o = withDefaults("calibrateThresholdForERT", DEFAULTS, rest);
  if (typeof createDetector !== "function" || typeof sample !== "function") {
    throw new VigilArgumentError("Expected functions for createDetector and sample");
  }
  expectNumber("ert", o.ert, 1);
  const runs = expectPositiveInteger("runs", o.runs);
  expectNumber("horizonFactor", o.horizonFactor, 2);
  expectInteger("seed", o.seed);
  const horizon = Math.ceil(o.horizonFactor * o.ert);
  const rng = createRng(o.seed);
  const paths: Records[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const detector = createDetector();
    const rec: Records = { times: [], values: [] };
    let max = Number.NEGATIVE_INFINITY;
    for (let t = 1; t <= horizon; t++) {
      const s = detector.step(sample(rng)).statistic;
      if (s > max) {
        max = s;
        rec.times.push(t);
        rec.values.push(s);
      }
    }
    if (rec.values.length > 0) {
      lo = Math.min(lo, rec.values[0]!);
      hi = Math.max(hi, max);
    }
    paths.push(rec);
  }
  if (!(hi > lo))
    throw new VigilArgumentError("The detector's statistic never varied on the reference streams");
  const meanRunLength = (threshold: number) =>
    paths.reduce((a, p) => a + firstAlarm(p, threshold, horizon), 0) / runs;
  // The mean run length grows with the threshold; bisect for the smallest threshold reaching the target.
  lo -= 1e-9 * Math.max(1, Math.abs(lo));
  for (let it = 0; it < 100 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); it++) {
    const mid = (lo + hi) / 2;
    if (meanRunLength(mid) >= o.ert) hi = mid;
    else lo = mid;
  }
  return {
    threshold: hi,
    meanRunLength: meanRunLength(hi),
    censored: paths.filter((p) => firstAlarm(p, hi, horizon) === horizon).length,
    horizon,
  };
}
