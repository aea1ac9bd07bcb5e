import type { Rng } from "@vigil/core/random";

/** Uniform in [lo, hi). */
export const uniformBetween = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.uniform();

/** Uniform on a log scale between lo and hi. */
export const logUniform = (rng: Rng, lo: number, hi: number): number => lo * (hi / lo) ** rng.uniform();

/** Number of events of a Poisson process with the given mean (Knuth's product method; means stay small). */
export function poissonCount(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.uniform(); p > limit; p *= rng.uniform()) k++;
  return k;
}

/** Event times of a Poisson process with `perHour` events per hour on [from, to) seconds, sorted. */
export function poissonTimes(rng: Rng, perHour: number, from: number, to: number): number[] {
  const out: number[] = [];
  if (perHour <= 0) return out;
  const mean = 3600 / perHour;
  // Exponential gaps: −mean · ln(1 − U) > 0.
  const gap = (): number => -mean * Math.log(1 - rng.uniform());
  for (let t = from + gap(); t < to; t += gap()) out.push(t);
  return out;
}
