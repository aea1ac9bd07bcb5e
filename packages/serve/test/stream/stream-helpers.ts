import type { Series } from "@vigil/core/series";
import type { StreamReading } from "../../src/stream/index.ts";

/** A series as MQTT delivers it: one reading per channel and time, channel after channel. */
export function readingsOf(series: Series): StreamReading[] {
  const out: StreamReading[] = [];
  series.timestamps.forEach((t, i) => {
    series.channels.forEach((c, k) => {
      out.push({ asset: series.asset!, channel: c.name, t, v: series.values[k]![i]! });
    });
  });
  return out;
}

/** Splits readings into pushes of `size`. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
