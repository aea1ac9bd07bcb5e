import { expectNumber } from "@vigil/core";
import type { ChangeOnlySignal } from "@vigil/core/rolling";
import type { Candidate, DiagnosticSource, ReportWindow } from "./types.ts";

/** Value of a change-only signal in force at time t (carry forward); `before` where nothing was reported. */
export function valueAt(signal: ChangeOnlySignal, t: bigint, before: number): number {
  const { timestampsNs, values } = signal;
  let lo = 0;
  let hi = timestampsNs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timestampsNs[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (!Number.isNaN(values[i]!)) return values[i]!;
  return before;
}

/**
 * Report times where a 0/1 signal turns to 1 while the station is in use: one candidate per run of 1s.
 * A run already under way when the station enters use is not an onset (spares read out of tolerance).
 */
export function runOnsets(bit: ChangeOnlySignal, inUse: ChangeOnlySignal | undefined): bigint[] {
  const onsets: bigint[] = [];
  let previous = 0;
  for (let i = 0; i < bit.values.length; i++) {
    const v = bit.values[i]!;
    if (Number.isNaN(v)) continue;
    const t = bit.timestampsNs[i]!;
    const using = inUse === undefined || valueAt(inUse, t, 0) === 1;
    if (v > 0.5 && previous <= 0.5 && using) onsets.push(t);
    previous = using ? v : 1;
  }
  return onsets;
}

export function windowAround(
  onsetNs: bigint,
  station: string,
  source: DiagnosticSource,
  w: ReportWindow,
): Candidate {
  expectNumber("lagSeconds", w.lagSeconds, 0);
  expectNumber("marginSeconds", w.marginSeconds, 0);
  return {
    start: onsetNs - BigInt(Math.round(w.lagSeconds * 1e9)),
    end: onsetNs + BigInt(Math.round(w.marginSeconds * 1e9)),
    stations: [station],
    source,
  };
}
