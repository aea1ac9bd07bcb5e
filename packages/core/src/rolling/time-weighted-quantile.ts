import { expectNumber, withDefaults } from "../validate/index.ts";
import { type ChangeOnlySignal, type RollingWindowOptions, rollingInputs } from "./change-only.ts";

export interface TimeWeightedQuantileOptions extends RollingWindowOptions {
  /** Quantile in [0, 1]; 0.5 = the time-weighted median. */
  quantile: number;
}

const DEFAULTS: TimeWeightedQuantileOptions = { windowSeconds: 210, quantile: 0.5, queryTimesNs: undefined };

/**
 * Rolling quantile of a change-only signal where each value weighs as long as it held inside the window
 * (an unweighted quantile over reports would let bursts of reports outvote long quiet holds). A report
 * exactly at the query time has held for zero time and so does not count yet: the deviation of a new
 * report from this statistic is a deviation from the past. Returns the lower weighted quantile (smallest
 * value whose cumulative held time reaches quantile × total), NaN where nothing has held yet.
 *
 * Cost: O(n·w) for w reports per window, with an incrementally sorted window (binary-search insert and
 * delete) rather than a sort per query.
 */
export function timeWeightedRollingQuantile(
  signal: ChangeOnlySignal,
  options?: Partial<TimeWeightedQuantileOptions>,
): Float64Array {
  const o = withDefaults("timeWeightedRollingQuantile", DEFAULTS, options);
  expectNumber("quantile", o.quantile, 0, 1);
  const { times, values, queries } = rollingInputs(signal, o);
  const out = new Float64Array(queries.length).fill(Number.NaN);
  const n = times.length;
  // Report indices in the window, sorted by value.
  const sorted: number[] = [];
  const insert = (j: number): void => {
    sorted.splice(lowerByValue(sorted, values, values[j]!), 0, j);
  };
  const remove = (j: number): void => {
    let k = lowerByValue(sorted, values, values[j]!);
    while (sorted[k] !== j) k++;
    sorted.splice(k, 1);
  };
  let head = 0; // next report to enter
  let tail = 0; // oldest report still in the window
  for (let qi = 0; qi < queries.length; qi++) {
    const q = queries[qi]!;
    const from = q - o.windowSeconds;
    while (head < n && times[head]! < q) insert(head++);
    // A report leaves once the next one started at or before the window's start.
    while (tail + 1 < head && times[tail + 1]! <= from) remove(tail++);
    if (head === tail) continue;
    let total = 0;
    for (const j of sorted) total += heldFor(times, j, head, from, q);
    if (total <= 0) continue;
    const target = o.quantile * total;
    let cum = 0;
    for (const j of sorted) {
      cum += heldFor(times, j, head, from, q);
      if (cum >= target) {
        out[qi] = values[j]!;
        break;
      }
    }
  }
  return out;
}

/** Time-weighted rolling median: see timeWeightedRollingQuantile. */
export function timeWeightedRollingMedian(
  signal: ChangeOnlySignal,
  options?: Partial<Omit<TimeWeightedQuantileOptions, "quantile">>,
): Float64Array {
  return timeWeightedRollingQuantile(signal, { ...options, quantile: 0.5 });
}

/** Seconds that report j held inside (from, q]; the latest report (j = head − 1) holds until q. */
function heldFor(times: Float64Array, j: number, head: number, from: number, q: number): number {
  const start = Math.max(times[j]!, from);
  const end = j + 1 < head ? Math.min(times[j + 1]!, q) : q;
  return end > start ? end - start : 0;
}

function lowerByValue(sorted: readonly number[], values: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[sorted[mid]!]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
