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
   * Between 1e-12 and 1.
   */
  minScore: number;
  /** "sliding" (sliding-window medians, scores only where used) or "recompute" (the baseline). */
  method: "sliding" | "recompute";
}

export const BEAM_SCORE_DEFAULTS: BeamScoreOptions = {
  windowPulses: 600,
  aggregatePulses: 10,
  lostTmit: 1e8,
  minScore: 1e-3,
  method: "sliding",
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
  const windowLength = expectPositiveInteger("windowPulses", o.windowPulses);
  const a = expectPositiveInteger("aggregatePulses", o.aggregatePulses);
  expectNumber("lostTmit", o.lostTmit);
  const minScore = expectNumber("minScore", o.minScore, 1e-12, 1);
  const z =
    expectOneOf("method", o.method, ["sliding", "recompute"]) === "sliding"
      ? robustZScores
      : robustZScoresByRecomputation;
  const bpms = signals.tmit.length;
  const n = signals.tmit[0]?.length ?? 0;
  // Per BPM only one of its two scores is used at each pulse, so each signal is scored only there.
  const scores = signals.tmit.map((tmit, b) => {
    const lost = new Uint8Array(n);
    const kept = new Uint8Array(n);
    const position = new Float64Array(n);
    const x = signals.position[b]!;
    for (let t = 0; t < n; t++) {
      const isLost = tmit[t]! < o.lostTmit;
      lost[t] = isLost ? 1 : 0;
      kept[t] = isLost ? 0 : 1;
      position[t] = isLost ? Number.NaN : x[t]!;
    }
    const tmitScore = z(tmit, { windowLength, wanted: lost });
    const positionScore = z(position, { windowLength, wanted: kept });
    for (let t = 0; t < n; t++) if (lost[t]) positionScore[t] = tmitScore[t]!;
    return positionScore;
  });
  // log of the geometric mean across BPMs per pulse, one logarithm per 16 BPMs: 16 clamped scores
  // multiply to within [1e-192, 1e192], far from under- or overflow.
  const pulseLog = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    let sum = 0;
    let product = 1;
    for (let b = 0; b < bpms; b++) {
      product *= Math.min(Math.max(scores[b]![t]!, minScore), MAX_SCORE);
      if ((b & 15) === 15 || b === bpms - 1) {
        sum += Math.log(product);
        product = 1;
      }
    }
    pulseLog[t] = sum / bpms;
  }
  // The aggregate sums the last `a` of them directly (a running sum would drift from the definition).
  const out = new Float64Array(n).fill(Number.NaN);
  for (let t = a - 1; t < n; t++) {
    let sum = 0;
    for (let i = t - a + 1; i <= t; i++) sum += pulseLog[i]!;
    if (!Number.isNaN(sum)) out[t] = Math.exp(sum / a);
  }
  return out;
}
