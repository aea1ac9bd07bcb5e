import { expectNumber, withDefaults } from "@vigil/core";
import { timeWeightedRollingMean } from "@vigil/core/rolling";
import { runOnsets, windowAround } from "./bit-runs.ts";
import type { Candidate, ReportWindow, StationDiagnostics } from "./types.ts";

export interface StatusCandidateOptions extends ReportWindow {
  /** A station's bit is ignored in a block where it is unhealthy more than this fraction of the time. */
  maxUnhealthyFraction: number;
  /** Length of the blocks judged by maxUnhealthyFraction. */
  blockSeconds: number;
}

/** SLAC AMM windows are 6.3 s long (dataset labels_AMM.csv). */
export const STATUS_CANDIDATE_DEFAULTS: StatusCandidateOptions = {
  lagSeconds: 6,
  marginSeconds: 0.3,
  maxUnhealthyFraction: 0.1,
  blockSeconds: 3600,
};

export interface IgnoredStatusBlock {
  readonly station: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly unhealthyFraction: number;
}

/**
 * Candidates from a status bit (SLAC AMM): one per run of 1s while the station is in use, windowed by the
 * reporting lag. A bit that is 1 for more than 10 % of a block is a misconfigured threshold, not a
 * diagnosis (Appendix A): its candidates in that block are dropped and the block reported.
 */
export function statusBitCandidates(
  stations: readonly StationDiagnostics[],
  options?: Partial<StatusCandidateOptions>,
): { candidates: Candidate[]; ignored: IgnoredStatusBlock[] } {
  const o = withDefaults("statusBitCandidates", STATUS_CANDIDATE_DEFAULTS, options);
  expectNumber("maxUnhealthyFraction", o.maxUnhealthyFraction, 0, 1);
  expectNumber("blockSeconds", o.blockSeconds, Number.MIN_VALUE);
  const block = BigInt(Math.round(o.blockSeconds * 1e9));
  const candidates: Candidate[] = [];
  const ignored: IgnoredStatusBlock[] = [];
  for (const station of stations) {
    const status = station.status;
    if (status === undefined || status.timestampsNs.length === 0) continue;
    const onsets = runOnsets(status, station.inUse);
    if (onsets.length === 0) continue;
    const first = status.timestampsNs[0]!;
    const last = onsets[onsets.length - 1]!;
    const ends: bigint[] = [];
    for (let end = first + block; end - block <= last; end += block) ends.push(end);
    const unhealthy = timeWeightedRollingMean(status, {
      windowSeconds: o.blockSeconds,
      queryTimesNs: BigInt64Array.from(ends),
    });
    const bad = new Set<number>();
    unhealthy.forEach((fraction, b) => {
      if (fraction > o.maxUnhealthyFraction) {
        bad.add(b);
        ignored.push({
          station: station.name,
          start: ends[b]! - block,
          end: ends[b]!,
          unhealthyFraction: fraction,
        });
      }
    });
    for (const onset of onsets) {
      if (!bad.has(Number((onset - first) / block)))
        candidates.push(windowAround(onset, station.name, "AMM", o));
    }
  }
  return { candidates, ignored };
}
