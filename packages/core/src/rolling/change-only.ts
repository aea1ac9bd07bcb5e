import { VigilArgumentError } from "../errors/index.ts";
import { expectNumber } from "../validate/index.ts";

/**
 * A change-only archived signal (e.g. an EPICS Archiver PV): one report per change, each value holding
 * until the next report. NaN = "no new value at this timestamp" (the last value carries forward).
 */
export interface ChangeOnlySignal {
  /** int64 ns since epoch, non-decreasing. */
  readonly timestampsNs: BigInt64Array;
  readonly values: Float64Array;
}

/** Report times as float seconds after `originNs`, with NaN reports dropped (they carry the last value). */
export function reportsInSeconds(
  signal: ChangeOnlySignal,
  originNs: bigint,
): { times: Float64Array; values: Float64Array } {
  const { timestampsNs, values } = signal;
  if (timestampsNs.length !== values.length) {
    throw new VigilArgumentError(
      `Expected as many values as timestamps but received ${values.length} values and ${timestampsNs.length} timestamps`,
    );
  }
  let kept = 0;
  for (const v of values) if (!Number.isNaN(v)) kept++;
  const times = new Float64Array(kept);
  const out = new Float64Array(kept);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const t = Number(timestampsNs[i]! - originNs) / 1e9;
    if (k > 0 && t < times[k - 1]!) {
      throw new VigilArgumentError(`Expected non-decreasing timestamps but index ${i} goes back in time`);
    }
    times[k] = t;
    out[k++] = v;
  }
  return { times, values: out };
}

/** The window options shared by the time-weighted rolling statistics. */
export interface RollingWindowOptions {
  /** Window length in seconds; the window at query time q is (q − windowSeconds, q]. */
  windowSeconds: number;
  /** Times at which to evaluate; default: the signal's own report times. */
  queryTimesNs: BigInt64Array | undefined;
}

/** Validated reports and query times, in float seconds after the first report. */
export function rollingInputs(
  signal: ChangeOnlySignal,
  o: RollingWindowOptions,
): { times: Float64Array; values: Float64Array; queries: Float64Array } {
  expectNumber("windowSeconds", o.windowSeconds, Number.MIN_VALUE);
  const origin = signal.timestampsNs[0] ?? 0n;
  const queryNs = o.queryTimesNs ?? signal.timestampsNs;
  const queries = new Float64Array(queryNs.length);
  for (let i = 0; i < queries.length; i++) {
    queries[i] = Number(queryNs[i]! - origin) / 1e9;
    if (i > 0 && queries[i]! < queries[i - 1]!) {
      throw new VigilArgumentError(`Expected non-decreasing query times but index ${i} goes back in time`);
    }
  }
  return { ...reportsInSeconds(signal, origin), queries };
}
