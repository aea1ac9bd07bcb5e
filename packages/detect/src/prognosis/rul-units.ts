import type { Series } from "@vigil/core";
import { createRng } from "@vigil/core/random";

/** One run-to-failure trajectory: a Series and the RUL (cycles left) at each of its rows. */
export interface RulUnit {
  readonly series: Series;
  readonly rul: ArrayLike<number>;
}

/**
 * Splits units (whole trajectories, never rows: windows of one engine are strongly correlated) into
 * training and validation parts, `fraction` of them (rounded, at least one when fraction > 0 and
 * two or more units) to validation, chosen by a seeded shuffle.
 */
export function splitUnits<U>(
  units: readonly U[],
  fraction: number,
  seed: number,
): { train: U[]; validation: U[] } {
  const order = createRng(seed)
    .fork("validation-units")
    .shuffle(units.map((_, i) => i));
  const count =
    fraction === 0 || units.length < 2
      ? 0
      : Math.min(units.length - 1, Math.max(1, Math.round(units.length * fraction)));
  const held = new Set(order.slice(0, count));
  return {
    train: units.filter((_, i) => !held.has(i)),
    validation: units.filter((_, i) => held.has(i)),
  };
}
