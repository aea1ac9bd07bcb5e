import { type Series, seriesFromColumns } from "@vigil/core";
import { createRng } from "@vigil/core/random";

export const CHANNELS = ["a", "b", "c", "d"];
export const ANOMALY = { channel: 2, start: 500, end: 530 };

/**
 * Four channels, either mixed from two latent signals plus small noise (`coupled`: strongly
 * correlated) or each its own periodic signal plus noise. With `anomaly`, channel "c" is offset by +4
 * on [500, 530): about 5 of its standard deviations, and beyond its training range.
 */
export function syntheticSeries(
  steps: number,
  seed: number,
  options: { coupled: boolean; anomaly: boolean },
): Series {
  const rng = createRng(seed);
  const columns = CHANNELS.map(() => new Float64Array(steps));
  for (let t = 0; t < steps; t++) {
    const f1 = Math.sin((2 * Math.PI * t) / 50);
    const f2 = Math.cos((2 * Math.PI * t) / 80) + 0.3 * rng.normal();
    const mixed = options.coupled
      ? [f1, f1 + f2, 0.5 * f1 - f2, f2]
      : [f1, f2, Math.sin((2 * Math.PI * t) / 37) + 0.3 * rng.normal(), Math.cos((2 * Math.PI * t) / 23)];
    mixed.forEach((v, c) => {
      columns[c]![t] = v + 0.1 * rng.normal();
    });
    if (options.anomaly && t >= ANOMALY.start && t < ANOMALY.end) columns[ANOMALY.channel]![t]! += 4;
  }
  return seriesFromColumns({
    timestamps: BigInt64Array.from({ length: steps }, (_, t) => BigInt(t) * 1_000_000_000n),
    channels: CHANNELS,
    values: columns,
  });
}

export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values)
    .filter((v) => !Number.isNaN(v))
    .sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Fraction of steps in [start, end) whose largest channel contribution is `channel`. */
export function topChannelShare(
  contributions: readonly Float64Array[],
  start: number,
  end: number,
  channel: number,
) {
  let hits = 0;
  for (let t = start; t < end; t++) {
    let best = 0;
    contributions.forEach((x, c) => {
      if (x[t]! > contributions[best]![t]!) best = c;
    });
    if (best === channel) hits++;
  }
  return hits / (end - start);
}
