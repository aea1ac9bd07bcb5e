import type { Rng } from "@vigil/core/random";
import type { Label, Series } from "@vigil/core/series";
import { cryoSpoilReadings } from "./cryo-data-quality.ts";
import { CRYO_FAULT_SPECS, type CryoFault } from "./cryo-faults.ts";
import type { ScheduledFault } from "./cryo-schedule.ts";
import {
  CRYO_CHANNEL_SPECS,
  CRYO_CHANNELS,
  CRYO_NOISE_STD,
  CRYO_PARENTS,
  cryoChannelIndex,
} from "./cryo-scm.ts";
import type { CryoSiteProfile } from "./cryo-sites.ts";

/** One simulated magnet: its readings with labels, and the truth behind them. */
export interface CryoMagnet {
  readonly series: Series;
  readonly site: CryoSiteProfile;
  readonly faults: readonly CryoFault[];
  /**
   * Per row: seconds until the next failure (Infinity when none follows in the simulated span), the
   * regression target of predictive maintenance.
   */
  readonly timeToFailure: Float64Array;
}

export interface MagnetPlan {
  readonly site: CryoSiteProfile;
  readonly machine: string;
  readonly startNs: bigint;
  readonly rows: number;
  readonly faults: readonly ScheduledFault[];
  readonly downtimeSeconds: number;
}

/** Times are kept to the millisecond, as plant historians record them. */
const ns = (startNs: bigint, seconds: number): bigint =>
  startNs + BigInt(Math.round(seconds * 1e3)) * 1_000_000n;

/** Sample times: the site's interval with up to 10 % positive jitter, so spacing is irregular but ordered. */
function sampleTimes(rng: Rng, plan: MagnetPlan): BigInt64Array {
  const dt = plan.site.sampleSeconds;
  return BigInt64Array.from({ length: plan.rows }, (_, i) =>
    ns(plan.startNs, (i + 0.1 * rng.uniform()) * dt),
  );
}

/** Deviation added to each channel's structural equation by the faults, per row (z units). */
function faultDeviations(plan: MagnetPlan): Float64Array[] {
  const dt = plan.site.sampleSeconds;
  const out = CRYO_CHANNELS.map(() => new Float64Array(plan.rows));
  for (const fault of plan.faults) {
    const spec = CRYO_FAULT_SPECS[fault.mode];
    const column = out[cryoChannelIndex(spec.root)]!;
    const first = Math.ceil(fault.onset / dt);
    const last = Math.min(plan.rows - 1, Math.floor(fault.failure / dt));
    for (let i = first; i <= last; i++) {
      column[i] = spec.deviation((i * dt - fault.onset) / (fault.failure - fault.onset));
    }
  }
  return out;
}

/** Runs the SCM forward in time (see cryo-scm.ts) and returns the readings in physical units. */
function runScm(rng: Rng, plan: MagnetPlan): Float64Array[] {
  const { site, rows } = plan;
  const dt = site.sampleSeconds;
  const deviations = faultDeviations(plan);
  const z = CRYO_CHANNELS.map(() => new Float64Array(rows));
  const parents = CRYO_PARENTS.map((ps) => ps.map((p) => ({ ...p, lag: Math.round(p.lagSeconds / dt) })));
  // The AR(1) coefficients are specified at a 10 s step; rescaling keeps the correlation time physical.
  const phi = CRYO_CHANNEL_SPECS.map((s) => s.smoothness ** (dt / 10));
  const innovation = phi.map((f, c) => CRYO_NOISE_STD[c]! * Math.sqrt(1 - f * f));
  const noise = CRYO_CHANNELS.map((_, c) => CRYO_NOISE_STD[c]! * rng.normal());
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < z.length; c++) {
      noise[c] = phi[c]! * noise[c]! + innovation[c]! * rng.normal();
      let value = noise[c]! + deviations[c]![i]!;
      // Before the first lag has elapsed a parent's earliest value stands in for its past.
      for (const p of parents[c]!) value += p.weight * z[p.parent]![Math.max(0, i - p.lag)]!;
      z[c]![i] = value;
    }
  }
  return z.map((column, c) => column.map((v) => site.setPoints[c]! + site.spreads[c]! * v));
}

/** Rows from a failure to the end of its downtime are NaN: the magnet is off and being repaired. */
function blankDowntime(plan: MagnetPlan, values: readonly Float64Array[]): Label[] {
  const dt = plan.site.sampleSeconds;
  return plan.faults.map((fault) => {
    const first = Math.min(plan.rows, Math.floor(fault.failure / dt) + 1);
    const last = Math.min(plan.rows, Math.floor((fault.failure + plan.downtimeSeconds) / dt) + 1);
    for (const column of values) column.fill(Number.NaN, first, last);
    return {
      start: ns(plan.startNs, fault.failure),
      end: ns(plan.startNs, fault.failure + plan.downtimeSeconds),
      type: "downtime",
    };
  });
}

function timeToFailure(timestamps: BigInt64Array, faults: readonly CryoFault[]): Float64Array {
  const out = new Float64Array(timestamps.length);
  let next = 0;
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i]!;
    while (next < faults.length && faults[next]!.failureNs < t) next++;
    const failure = faults[next]?.failureNs;
    out[i] = failure === undefined ? Number.POSITIVE_INFINITY : Number(failure - t) / 1e9;
  }
  return out;
}

export function simulateCryoMagnet(rng: Rng, plan: MagnetPlan): CryoMagnet {
  const timestamps = sampleTimes(rng, plan);
  const values = runScm(rng, plan);
  const faults: CryoFault[] = plan.faults.map((f) => ({
    mode: f.mode,
    rootCause: CRYO_FAULT_SPECS[f.mode].root,
    onsetNs: ns(plan.startNs, f.onset),
    failureNs: ns(plan.startNs, f.failure),
  }));
  const labels: Label[] = [
    ...faults.map((f) => ({
      start: f.onsetNs,
      end: f.failureNs,
      type: `fault:${f.mode}`,
      channel: f.rootCause,
    })),
    ...blankDowntime(plan, values),
    ...cryoSpoilReadings(rng, plan.site, timestamps, values),
  ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const rateHz = 1 / plan.site.sampleSeconds;
  return {
    series: {
      asset: { site: plan.site.name, machine: plan.machine },
      timestamps,
      channels: CRYO_CHANNEL_SPECS.map((s) => ({ ...s.info, rateHz })),
      values,
      labels,
    },
    site: plan.site,
    faults,
    timeToFailure: timeToFailure(timestamps, faults),
  };
}
