import { expectNumber, expectOneOf, expectPositiveInteger, withDefaults } from "@vigil/core";
import type { BeamSignals } from "./beam-signals.ts";
import { robustZScores, robustZScoresByRecomputation } from "./robust-z.ts";

export interface BeamScoreOptions {
  /** Lagging window l in pulses (SLAC: 5 s at 120 Hz). */
  windowPulses: number;
  /** Pulses in the final geometric mean (SLAC: 10). */
  aggregatePulses: number;
  /** TMIT below which a BPM has lost the beam and its TMIT score replaces its position score. */
  lostTmit: number;
  /**
   * Per-BPM scores are clamped to [minScore, 1e12]: a pulse exactly at the median (score 0) would
   * otherwise zero ten pulses of geometric mean, and an infinite score (σ̂ = 0) would poison the sums.
   */
  minScore: number;
  /** "streaming" (sliding sorted windows) or "recompute" (sort every window; the baseline). */
  method: "streaming" | "recompute";
}

export const BEAM_SCORE_DEFAULTS: BeamScoreOptions = {
  windowPulses: 600,
  aggregatePulses: 10,
  lostTmit: 1e8,
  minScore: 1e-3,
  method: "streaming",
};

const MAX_SCORE = 1e12;

/**
 * SLAC anomaly score per pulse (Appendix B): robust z-score per signal; per BPM the TMIT score when the
 * beam is lost there, else the dispersive-position score; geometric mean across BPMs; geometric mean over
 * the last `aggregatePulses` pulses. NaN until every BPM has a score for all of those pulses.
 *
 * Where a BPM has lost the beam its position reading is a repeat of the last one (raw BSA) or a sentinel
 * (the SLAC dataset's 100), not a measurement, so it is left out of that BPM's position history. The
 * paper keeps it; after a beam loss longer than l/2 pulses its MAD would then be 0 and every following
 * pulse infinitely anomalous.
 */
export function scoreBeam(signals: BeamSignals, options?: Partial<BeamScoreOptions>): Float64Array {
  const o = withDefaults("scoreBeam", BEAM_SCORE_DEFAULTS, options);
  const l = expectPositiveInteger("windowPulses", o.windowPulses);
  const a = expectPositiveInteger("aggregatePulses", o.aggregatePulses);
  expectNumber("lostTmit", o.lostTmit);
  expectNumber("minScore", o.minScore, Number.MIN_VALUE);
  const z =
    expectOneOf("method", o.method, ["streaming", "recompute"]) === "streaming"
      ? robustZScores
      : robustZScoresByRecomputation;
  const tmitScores = signals.tmit.map((x) => z(x, l));
  const positionScores = signals.position.map((x, b) => {
    const tmit = signals.tmit[b]!;
    return z(
      x.map((v, t) => (tmit[t]! < o.lostTmit ? Number.NaN : v)),
      l,
    );
  });
  const bpms = signals.tmit.length;
  const n = signals.tmit[0]?.length ?? 0;
  const out = new Float64Array(n).fill(Number.NaN);
  const ring = new Float64Array(a).fill(Number.NaN);
  let sum = 0;
  let valid = 0;
  for (let t = 0; t < n; t++) {
    let pulse = 0;
    for (let b = 0; b < bpms; b++) {
      const s = signals.tmit[b]![t]! < o.lostTmit ? tmitScores[b]![t]! : positionScores[b]![t]!;
      pulse += Math.log(Math.min(Math.max(s, o.minScore), MAX_SCORE));
    }
    pulse /= bpms;
    const slot = t % a;
    const old = ring[slot]!;
    if (!Number.isNaN(old)) {
      sum -= old;
      valid--;
    }
    ring[slot] = pulse;
    if (!Number.isNaN(pulse)) {
      sum += pulse;
      valid++;
    }
    if (valid === a) out[t] = Math.exp(sum / a);
  }
  return out;
}
