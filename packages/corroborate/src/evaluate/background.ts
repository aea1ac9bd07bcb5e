import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core";
import { createRng } from "@vigil/core/random";
import { type TimeWindow, windowMaxima } from "../confirm/window-maxima.ts";
import { wilsonInterval } from "./binomial.ts";

export interface BackgroundOptions {
  /** Random windows drawn (SLAC: 6,453). */
  windows: number;
  /** Window length, as long as the candidates'. */
  windowSeconds: number;
  /** Leading pulses whose scores are still warming up are not drawn from. */
  skipSeconds: number;
  seed: number;
}

const DEFAULTS: BackgroundOptions = { windows: 2000, windowSeconds: 5.3, skipSeconds: 12, seed: 1 };

/**
 * Maxima of the pulse score over windows drawn uniformly at random from the recording, independently of
 * any diagnostic (SLAC Section V.2): the background against which a threshold's false-positive rate is
 * judged. Windows with no scored pulse are dropped.
 */
export function backgroundMaxima(
  timestamps: BigInt64Array,
  scores: Float64Array,
  options?: Partial<BackgroundOptions>,
): Float64Array {
  const o = withDefaults("backgroundMaxima", DEFAULTS, options);
  expectPositiveInteger("windows", o.windows);
  expectNumber("windowSeconds", o.windowSeconds, Number.MIN_VALUE);
  if (timestamps.length === 0) return new Float64Array(0);
  const length = BigInt(Math.round(o.windowSeconds * 1e9));
  const from = timestamps[0]! + BigInt(Math.round(o.skipSeconds * 1e9));
  const span = Number(timestamps[timestamps.length - 1]! - length - from);
  const rng = createRng(o.seed);
  const windows: TimeWindow[] = [];
  for (let i = 0; i < o.windows && span > 0; i++) {
    const start = from + BigInt(Math.floor(rng.next() * span));
    windows.push({ start, end: start + length });
  }
  return windowMaxima(timestamps, scores, windows).filter((m) => !Number.isNaN(m));
}

/** Fraction of background windows at or above the threshold, with its Wilson interval. */
export function backgroundFalsePositiveRate(maxima: Float64Array, threshold: number, z = 1) {
  let k = 0;
  for (const m of maxima) if (m >= threshold) k++;
  return { exceeded: k, windows: maxima.length, ...wilsonInterval(k, maxima.length, z) };
}

/**
 * Smallest threshold whose background false-positive rate is at most `targetRate`: an alternative to
 * best F1 that needs no labels.
 */
export function thresholdForFalsePositiveRate(maxima: Float64Array, targetRate: number): number {
  expectNumber("targetRate", targetRate, 0, 1);
  const sorted = Float64Array.from(maxima).sort();
  const allowed = Math.floor(targetRate * sorted.length);
  // Scores ≥ τ count as positives: τ just above the (allowed+1)-th largest maximum admits `allowed`.
  const k = sorted.length - allowed - 1;
  return k < 0 ? Number.NEGATIVE_INFINITY : nextUp(sorted[k]!);
}

function nextUp(x: number): number {
  return x + Math.max(Math.abs(x) * Number.EPSILON, Number.MIN_VALUE);
}
