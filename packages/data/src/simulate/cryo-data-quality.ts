import type { Rng } from "@vigil/core/random";
import type { Label } from "@vigil/core/series";
import { CRYO_CHANNELS } from "./cryo-scm.ts";
import type { CryoSiteProfile } from "./cryo-sites.ts";
import { logUniform, poissonCount } from "./random-draws.ts";

/**
 * Spoils clean readings the way field data is spoiled, in place, and returns the labels of what it did:
 * - single missing readings (NaN) at the site's missing rate, not labelled (NaN says it);
 * - communication outages: every channel NaN for 10 min – 3 h, labelled "gap";
 * - glitches: one reading of one channel replaced by a ±10σ spike or a zero, labelled "glitch" (a point
 *   label naming the channel).
 */
export function cryoSpoilReadings(
  rng: Rng,
  site: CryoSiteProfile,
  timestamps: BigInt64Array,
  values: readonly Float64Array[],
): Label[] {
  const n = timestamps.length;
  const labels: Label[] = [];
  if (n === 0) return labels;
  for (const column of values) {
    for (let i = 0; i < n; i++) if (rng.uniform() < site.missingRate) column[i] = Number.NaN;
  }
  const days = (n * site.sampleSeconds) / 86_400;
  const outages = poissonCount(rng, site.outagesPerDay * days);
  for (let k = 0; k < outages; k++) {
    const first = rng.int(n);
    const last = Math.min(n - 1, first + Math.round(logUniform(rng, 600, 10_800) / site.sampleSeconds));
    for (const column of values) column.fill(Number.NaN, first, last + 1);
    labels.push({ start: timestamps[first]!, end: timestamps[last]!, type: "gap" });
  }
  const glitches = poissonCount(rng, site.glitchesPerDay * days);
  for (let k = 0; k < glitches; k++) {
    const i = rng.int(n);
    const c = rng.int(values.length);
    const column = values[c]!;
    if (Number.isNaN(column[i]!)) continue;
    column[i] =
      rng.uniform() < 0.5 ? 0 : site.setPoints[c]! + (rng.uniform() < 0.5 ? -10 : 10) * site.spreads[c]!;
    labels.push({ start: timestamps[i]!, end: timestamps[i]!, type: "glitch", channel: CRYO_CHANNELS[c]! });
  }
  return labels;
}
