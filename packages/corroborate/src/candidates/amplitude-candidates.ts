import { expectNumber, withDefaults } from "@vigil/core";
import { type ChangeOnlySignal, timeWeightedRollingMedian } from "@vigil/core/rolling";
import { runOnsets, windowAround } from "./bit-runs.ts";
import type { Candidate, ReportWindow, StationDiagnostics } from "./types.ts";

export interface AmplitudeCandidateOptions extends ReportWindow {
  /** Rolling median window (SLAC: 3.5 minutes), time-weighted for change-only archiving. */
  windowSeconds: number;
  /** Relative deviation from the rolling median that flags a report (SLAC: 0.5 %). */
  threshold: number;
}

/** SLAC AMPL windows are 5.3 s long (dataset labels_AMPL.csv). */
export const AMPLITUDE_CANDIDATE_DEFAULTS: AmplitudeCandidateOptions = {
  windowSeconds: 210,
  threshold: 0.005,
  lagSeconds: 5,
  marginSeconds: 0.3,
};

/** Relative deviation (x − median) / |median| of each report from its time-weighted rolling median. */
export function amplitudeDeviation(amplitude: ChangeOnlySignal, windowSeconds: number): Float64Array {
  const median = timeWeightedRollingMedian(amplitude, { windowSeconds });
  return amplitude.values.map((x, i) => (x - median[i]!) / Math.abs(median[i]!));
}

/**
 * Candidates from a real-valued diagnostic (SLAC AMPL): a computed status bit |deviation| > threshold,
 * turned into candidates like the AMM bit.
 */
export function amplitudeCandidates(
  stations: readonly StationDiagnostics[],
  options?: Partial<AmplitudeCandidateOptions>,
): Candidate[] {
  const o = withDefaults("amplitudeCandidates", AMPLITUDE_CANDIDATE_DEFAULTS, options);
  expectNumber("windowSeconds", o.windowSeconds, Number.MIN_VALUE);
  expectNumber("threshold", o.threshold, 0);
  const candidates: Candidate[] = [];
  for (const station of stations) {
    const amplitude = station.amplitude;
    if (amplitude === undefined) continue;
    const deviation = amplitudeDeviation(amplitude, o.windowSeconds);
    const bit = {
      timestampsNs: amplitude.timestampsNs,
      values: deviation.map((d, i) =>
        Number.isNaN(amplitude.values[i]!) ? Number.NaN : Math.abs(d) > o.threshold ? 1 : 0,
      ),
    };
    for (const onset of runOnsets(bit, station.inUse))
      candidates.push(windowAround(onset, station.name, "AMPL", o));
  }
  return candidates;
}
