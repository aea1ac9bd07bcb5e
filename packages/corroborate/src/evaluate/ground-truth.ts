import type { Candidate } from "../candidates/types.ts";

/** A known anomaly: station name and onset time. */
export interface KnownAnomaly {
  readonly station: string;
  readonly onsetNs: bigint;
}

/**
 * A candidate is a true anomaly when a known anomaly of one of its stations began inside its window —
 * the simulator's counterpart of the SLAC hand labels ("warnings nearly simultaneous with unusual changes
 * in beam energy", attributed to the right station).
 */
export function labelCandidates(
  candidates: readonly Candidate[],
  anomalies: readonly KnownAnomaly[],
): Uint8Array {
  const byStation = new Map<string, bigint[]>();
  for (const a of anomalies) {
    const list = byStation.get(a.station) ?? [];
    list.push(a.onsetNs);
    byStation.set(a.station, list);
  }
  return Uint8Array.from(candidates, (c) =>
    c.stations.some((s) => (byStation.get(s) ?? []).some((t) => t >= c.start && t <= c.end)) ? 1 : 0,
  );
}
