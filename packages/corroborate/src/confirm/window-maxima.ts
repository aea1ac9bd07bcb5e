import { lowerBound } from "@vigil/core";

export interface TimeWindow {
  readonly start: bigint;
  readonly end: bigint;
}

/** max over start ≤ t ≤ end of the pulse scores (NaN scores ignored; NaN if the window has none). */
export function windowMaxima(
  timestamps: BigInt64Array,
  scores: Float64Array,
  windows: readonly TimeWindow[],
): Float64Array {
  const out = new Float64Array(windows.length);
  windows.forEach((w, k) => {
    let best = Number.NaN;
    for (let i = lowerBound(timestamps, w.start); i < timestamps.length && timestamps[i]! <= w.end; i++) {
      const s = scores[i]!;
      if (s > best || (Number.isNaN(best) && !Number.isNaN(s))) best = s;
    }
    out[k] = best;
  });
  return out;
}
