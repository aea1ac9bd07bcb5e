import { type Series, seriesFromColumns } from "@vigil/core";
import { createRng } from "@vigil/core/random";

/**
 * Three periodic channels plus noise, at a site whose readings sit at `offset` with spread `scale`
 * (sites differ in set-points and noise, as real plants do). With `anomaly`, channel "c" is shifted
 * by 5 spreads on [start, start + 40).
 */
export function siteSeries(
  steps: number,
  seed: number,
  site: { offset: number; scale: number; anomalyAt?: number },
): Series {
  const rng = createRng(seed);
  const columns = [0, 1, 2].map(() => new Float64Array(steps));
  for (let t = 0; t < steps; t++) {
    const f = Math.sin((2 * Math.PI * t) / 40);
    const g = Math.cos((2 * Math.PI * t) / 25);
    columns[0]![t] = site.offset + site.scale * (f + 0.1 * rng.normal());
    columns[1]![t] = site.offset + site.scale * (0.7 * f + 0.5 * g + 0.1 * rng.normal());
    columns[2]![t] = site.offset + site.scale * (g + 0.1 * rng.normal());
    const a = site.anomalyAt;
    if (a !== undefined && t >= a && t < a + 40) columns[2]![t] = columns[2]![t]! + 5 * site.scale;
  }
  return seriesFromColumns({
    timestamps: BigInt64Array.from({ length: steps }, (_, t) => BigInt(t) * 1_000_000_000n),
    channels: ["a", "b", "c"].map((name) => ({ name, kind: "temperature" as const })),
    values: columns,
  });
}
