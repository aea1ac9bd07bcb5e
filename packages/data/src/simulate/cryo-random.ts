import { createRng, type Rng } from "@vigil/core/metrics";

/**
 * An independent generator for one named part of the simulation (a site's profile, a magnet's noise…),
 * so that adding sites or magnets leaves the others' draws unchanged. FNV-1a over the seed and the key.
 */
export function streamRng(seed: number, key: string): Rng {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return createRng(h);
}

/** Uniform on a log scale between lo and hi. */
export const logUniform = (rng: Rng, lo: number, hi: number): number => lo * (hi / lo) ** rng.uniform();

/** Number of events of a Poisson process with the given mean (Knuth's product method; means stay small). */
export function poissonCount(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.uniform(); p > limit; p *= rng.uniform()) k++;
  return k;
}
