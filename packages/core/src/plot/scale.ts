/** Data → pixel, linear. `domain` and `range` are kept for axes and clipping. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

/** Maps `domain` onto `range`; a domain of one value maps to the middle of the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const map =
    d1 === d0 ? () => (r0 + r1) / 2 : (value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  return Object.assign(map, { domain: [d0, d1] as const, range: [r0, r1] as const });
}

/** The smallest and largest finite value of all `arrays`, or undefined when there is none. */
export function finiteExtent(arrays: Iterable<ArrayLike<number>>): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : undefined;
}

export interface PaddedDomainOptions {
  /** Share of the span added on each side; default 0.05 (lines off the frame). */
  readonly pad?: number;
  /** Keep 0 inside and do not pad past it (bar charts and counts start at 0); default false. */
  readonly fromZero?: boolean;
}

/**
 * A domain around `extent` for an axis: padded, never empty (a constant series gets a band around
 * its value), and [0, 1] when there is no data at all.
 */
export function paddedDomain(
  extent: readonly [number, number] | undefined,
  { pad = 0.05, fromZero = false }: PaddedDomainOptions = {},
): [number, number] {
  if (extent === undefined) return [0, 1];
  let [lo, hi] = extent;
  if (fromZero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  const margin = hi > lo ? pad * (hi - lo) : Math.max(1, Math.abs(lo)) * 0.5;
  return [fromZero && lo === 0 ? 0 : lo - margin, fromZero && hi === 0 && lo < 0 ? 0 : hi + margin];
}
