import { concatSeries, type Series } from "@vigil/core/series";

/**
 * Series of several sites end to end, as a central server holding everyone's data would train on them:
 * each part is shifted in time to start one second after the previous one ends. Labels are dropped.
 */
export function poolSeries(parts: readonly Series[]): Series {
  let next = 0n;
  return concatSeries(
    parts.map((part) => {
      const shift = next - part.timestamps[0]!;
      const timestamps = part.timestamps.map((t) => t + shift);
      next = timestamps[timestamps.length - 1]! + 1_000_000_000n;
      return { ...part, timestamps, labels: [] };
    }),
  );
}
