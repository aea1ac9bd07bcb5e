import { withDefaults } from "../validate/index.ts";
import { type ChangeOnlySignal, type RollingWindowOptions, rollingInputs } from "./change-only.ts";

export type TimeWeightedMeanOptions = RollingWindowOptions;

const DEFAULTS: TimeWeightedMeanOptions = { windowSeconds: 210, queryTimesNs: undefined };

/**
 * Rolling mean of a change-only signal, each value weighted by how long it held inside the window
 * (the integral of the step function over the window divided by its covered length). O(n) via prefix
 * integrals at the report times. NaN where nothing has held yet.
 */
export function timeWeightedRollingMean(
  signal: ChangeOnlySignal,
  options?: Partial<TimeWeightedMeanOptions>,
): Float64Array {
  const o = withDefaults("timeWeightedRollingMean", DEFAULTS, options);
  const { times, values, queries } = rollingInputs(signal, o);
  const n = times.length;
  // prefix[j] = integral of the step function from times[0] to times[j].
  const prefix = new Float64Array(n);
  for (let j = 1; j < n; j++) prefix[j] = prefix[j - 1]! + values[j - 1]! * (times[j]! - times[j - 1]!);
  const integral = (t: number, j: number): number => prefix[j]! + values[j]! * (t - times[j]!);
  const out = new Float64Array(queries.length).fill(Number.NaN);
  let last = -1; // last report at or before q
  let first = -1; // last report at or before the window start
  for (let qi = 0; qi < queries.length; qi++) {
    const q = queries[qi]!;
    while (last + 1 < n && times[last + 1]! <= q) last++;
    if (last < 0) continue;
    const from = Math.max(q - o.windowSeconds, times[0]!);
    while (first + 1 <= last && times[first + 1]! <= from) first++;
    const length = q - from;
    if (length <= 0) continue;
    out[qi] = (integral(q, last) - integral(from, Math.max(first, 0))) / length;
  }
  return out;
}
