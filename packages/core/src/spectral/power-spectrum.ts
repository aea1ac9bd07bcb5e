import FFT from "fft.js";
import { VigilArgumentError } from "../errors/index.ts";

/** Periodic Hann window of length n (the STFT convention: overlapping frames at hop n/2 sum to a constant). */
export function hannWindow(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
}

const plans = new Map<number, FFT>();

/**
 * One-sided energy spectrum of a frame (length a power of two ≥ 4), optionally Hann-windowed, scaled so
 * that its sum equals Σ (w·x)² (Parseval): bins 0..n/2, interior bins counted twice. NaN samples count as 0.
 */
export function energySpectrum(frame: ArrayLike<number>, window?: Float64Array): Float64Array {
  const n = frame.length;
  if (n < 4 || (n & (n - 1)) !== 0)
    throw new VigilArgumentError(`Expected a frame length that is a power of two >= 4 but received ${n}`);
  let plan = plans.get(n);
  if (plan === undefined) plans.set(n, (plan = new FFT(n)));
  const input = Float64Array.from({ length: n }, (_, i) => {
    const v = frame[i]!;
    return Number.isNaN(v) ? 0 : v * (window?.[i] ?? 1);
  });
  const out = plan.createComplexArray();
  plan.realTransform(out, input);
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => {
    const power = (out[2 * k]! ** 2 + out[2 * k + 1]! ** 2) / n;
    return k === 0 || k === n / 2 ? power : 2 * power;
  });
}

/** Centre frequency (Hz) of each one-sided bin of an n-point frame. */
export function binFrequencies(n: number, sampleRateHz: number): Float64Array {
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => (k * sampleRateHz) / n);
}
