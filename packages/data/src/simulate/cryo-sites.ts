import { createRng, hashSeed } from "@vigil/core/random";
import { CRYO_CHANNEL_SPECS } from "./cryo-scm.ts";
import { logUniform } from "./random-draws.ts";

/** How one site differs from the others: set-points, noise, sampling rate and data quality. */
export interface CryoSiteProfile {
  readonly name: string;
  readonly sampleSeconds: number;
  /** Per channel (CRYO_CHANNELS order): healthy reading and its standard deviation. */
  readonly setPoints: Float64Array;
  readonly spreads: Float64Array;
  /** Multiplies every channel's spread (sensor quality and plant noise). */
  readonly noiseFactor: number;
  /** Probability that one reading of one channel is missing. */
  readonly missingRate: number;
  /** Mean number per day of communication outages (all channels missing for 10 min – 3 h). */
  readonly outagesPerDay: number;
  /** Mean number per day of sensor glitches (a single spike or zero reading on one channel). */
  readonly glitchesPerDay: number;
}

/**
 * Site k of n samples every base · 10^(k/(n−1)) seconds, so that data volumes span 10×; set-points vary by
 * ±3 % (1 σ), noise by 0.6–1.8×, missing readings by 0.1–2 %.
 */
export function cryoSiteProfile(
  seed: number,
  site: number,
  sites: number,
  baseSampleSeconds: number,
): CryoSiteProfile {
  const rng = createRng(hashSeed(seed, `site ${site}`));
  const noiseFactor = logUniform(rng, 0.6, 1.8);
  return {
    name: `site-${site + 1}`,
    sampleSeconds: baseSampleSeconds * 10 ** (sites > 1 ? site / (sites - 1) : 0),
    setPoints: Float64Array.from(CRYO_CHANNEL_SPECS, (s) => s.setPoint * (1 + 0.03 * rng.normal())),
    spreads: Float64Array.from(CRYO_CHANNEL_SPECS, (s) => s.spread * noiseFactor),
    noiseFactor,
    missingRate: logUniform(rng, 0.001, 0.02),
    outagesPerDay: logUniform(rng, 0.1, 1),
    glitchesPerDay: logUniform(rng, 1, 10),
  };
}
