import type { Candidate } from "./types.ts";

/**
 * Records what the other diagnostic says about each candidate (SLAC dataset `corroborate` column):
 * Missing — no overlapping candidate from it; Reinforced — an overlapping one names this station;
 * Disagree — overlapping ones name only other stations. `other` must be sorted by start (as merged).
 */
export function corroborate(primary: readonly Candidate[], other: readonly Candidate[]): Candidate[] {
  return primary.map((c) => {
    const overlapping = other.filter((o) => o.start <= c.end && o.end >= c.start);
    if (overlapping.length === 0) return { ...c, corroboration: "Missing", corroboratedBy: [] };
    const reinforced = overlapping.some((o) => o.stations.some((s) => c.stations.includes(s)));
    const names = new Set([...c.stations, ...overlapping.flatMap((o) => o.stations)]);
    const corroboratedBy = [...names].sort().map((s) => {
      const sources = [
        c.stations.includes(s) ? c.source : undefined,
        overlapping.some((o) => o.stations.includes(s)) ? overlapping[0]!.source : undefined,
      ]
        .filter((x) => x !== undefined)
        .sort();
      return `${s} (${sources.join(", ")})`;
    });
    return { ...c, corroboration: reinforced ? "Reinforced" : "Disagree", corroboratedBy };
  });
}
