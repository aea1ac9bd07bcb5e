import type { Candidate } from "./types.ts";

/**
 * Merges candidates of one source whose windows overlap (across stations) into one candidate per group,
 * sorted by start. With `singleStationOnly` (the SLAC evaluation), groups naming more than one station
 * are dropped and counted.
 */
export function mergeCandidates(
  candidates: readonly Candidate[],
  options: { singleStationOnly: boolean } = { singleStationOnly: false },
): { candidates: Candidate[]; droppedMultiStation: number } {
  const sorted = [...candidates].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Candidate[] = [];
  let droppedMultiStation = 0;
  let group: { start: bigint; end: bigint; stations: Set<string>; first: Candidate } | undefined;
  const flush = (): void => {
    if (group === undefined) return;
    if (options.singleStationOnly && group.stations.size > 1) droppedMultiStation++;
    else
      merged.push({
        ...group.first,
        start: group.start,
        end: group.end,
        stations: [...group.stations].sort(),
      });
  };
  for (const c of sorted) {
    if (group !== undefined && c.start <= group.end) {
      if (c.end > group.end) group.end = c.end;
      for (const s of c.stations) group.stations.add(s);
      continue;
    }
    flush();
    group = { start: c.start, end: c.end, stations: new Set(c.stations), first: c };
  }
  flush();
  return { candidates: merged, droppedMultiStation };
}
