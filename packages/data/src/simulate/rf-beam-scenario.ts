import type { Rng } from "@vigil/core/random";
import { logUniform, poissonTimes, uniformBetween } from "./random-draws.ts";
import type { RfBeamOptions } from "./rf-beam-types.ts";

/** Amplitude-to-energy gain scale: a 1 % deficit moves the beam energy by 0.75–1.5 energy-loss units. */
const GAIN_RANGE: [number, number] = [75, 150];
/** Fault amplitude recovery time constant (s) after the station's hold. */
export const FAULT_RECOVERY_SECONDS = 0.3;
/** No events in the first minutes: the diagnostics' 3.5-minute rolling median needs history. */
const WARM_UP_SECONDS = 240;

export interface StationPlan {
  readonly name: string;
  /** Nominal amplitude (MV). */
  readonly nominal: number;
  /** Energy-loss units per unit of relative amplitude deficit. */
  readonly gain: number;
  /** In-use state changes, sorted: [time s, 1 | 0]; the first entry is at t = 0. */
  readonly inUse: Array<[number, number]>;
  readonly misconfigured: boolean;
}

export interface PlannedAnomaly {
  readonly station: number;
  readonly kind: "fault" | "sustained";
  readonly onset: number;
  readonly depth: number;
  /** fault: seconds held at full depth; sustained: 0. */
  readonly hold: number;
  /** Decay time constant (s) after the hold. */
  readonly tau: number;
}

export interface Scenario {
  readonly stations: StationPlan[];
  readonly anomalies: PlannedAnomaly[];
  readonly ammFalseAlarms: Array<{ station: number; t: number; duration: number }>;
  readonly misreads: Array<{ station: number; t: number; relative: number }>;
  readonly operatorSteps: Array<{ station: number; t: number; relative: number }>;
  readonly disturbances: Array<{ t: number; size: number; tau: number }>;
  readonly kickPeriods: Array<[number, number]>;
  readonly duplicatePeriods: Array<[number, number]>;
  readonly rateFailures: Array<[number, number]>;
}

export function stationName(k: number): string {
  return `KLYS:LI${20 + Math.floor(k / 8)}:${(k % 8) + 1}1`;
}

/** Relative amplitude deficit of one anomaly at time t (s). */
export function deficitAt(a: PlannedAnomaly, t: number): number {
  if (t < a.onset) return 0;
  const after = t - a.onset - a.hold;
  return after <= 0 ? a.depth : a.depth * Math.exp(-after / a.tau);
}

/** Time after which an anomaly's deficit is below 1 % of its depth. */
export function anomalyEnd(a: PlannedAnomaly): number {
  return a.onset + a.hold + a.tau * Math.log(100);
}

export function isInUse(plan: StationPlan, t: number): boolean {
  let state = 0;
  for (const [at, s] of plan.inUse) {
    if (at > t) break;
    state = s;
  }
  return state === 1;
}

export function planScenario(o: RfBeamOptions, rng: Rng): Scenario {
  const T = o.durationSeconds;
  const r = rng.fork("stations");
  const order = r.shuffle(Array.from({ length: o.stations }, (_, k) => k));
  const spares = new Set(order.slice(0, o.spareStations));
  const misconfigured = new Set(order.slice(o.spareStations, o.spareStations + o.misconfiguredStations));
  const stations: StationPlan[] = Array.from({ length: o.stations }, (_, k) => ({
    name: stationName(k),
    nominal: uniformBetween(r, 20, 75),
    gain: uniformBetween(r, ...GAIN_RANGE),
    inUse: [[0, spares.has(k) ? 0 : 1]],
    misconfigured: misconfigured.has(k),
  }));
  const swaps = rng.fork("swaps");
  const regular = order.slice(o.spareStations + o.misconfiguredStations);
  for (let i = 0; i < o.stationSwaps && spares.size > 0 && regular.length > 0; i++) {
    const t = uniformBetween(swaps, 0.2, 0.8) * T;
    const out = regular.splice(swaps.int(regular.length), 1)[0]!;
    const spare = [...spares][swaps.int(spares.size)]!;
    spares.delete(spare);
    stations[out]!.inUse.push([t, 0]);
    stations[spare]!.inUse.push([t, 1]);
  }
  const inUseAt = (t: number, pick: Rng): number => {
    const candidates = stations.map((_, k) => k).filter((k) => isInUse(stations[k]!, t));
    return candidates[pick.int(candidates.length)]!;
  };
  const events = rng.fork("anomalies");
  const anomalies: PlannedAnomaly[] = [];
  for (const t of poissonTimes(events, o.faultsPerHour, WARM_UP_SECONDS, T - 20)) {
    const hold = uniformBetween(events, 0.5, 6);
    anomalies.push({
      station: inUseAt(t, events),
      kind: "fault",
      onset: t,
      depth: uniformBetween(events, 0.3, 1),
      hold,
      tau: FAULT_RECOVERY_SECONDS,
    });
  }
  for (const t of poissonTimes(events, o.sustainedPerHour, WARM_UP_SECONDS, T - 20)) {
    anomalies.push({
      station: inUseAt(t, events),
      kind: "sustained",
      onset: t,
      depth: logUniform(events, 0.02, 0.08),
      hold: 0,
      tau: uniformBetween(events, 2, 6),
    });
  }
  anomalies.sort((a, b) => a.onset - b.onset);
  const alarms = rng.fork("amm-false-alarms");
  const ammFalseAlarms = poissonTimes(alarms, o.ammFalseAlarmsPerHour, WARM_UP_SECONDS, T - 20).map((t) => ({
    station: inUseAt(t, alarms),
    t,
    duration: uniformBetween(alarms, 0.5, 2) * o.scanIntervalSeconds,
  }));
  const reads = rng.fork("misreads");
  const misreads = poissonTimes(reads, o.amplitudeMisreadsPerHour, WARM_UP_SECONDS, T - 20).map((t) => ({
    station: inUseAt(t, reads),
    t,
    relative: (reads.uniform() < 0.5 ? -1 : 1) * uniformBetween(reads, 0.006, 0.03),
  }));
  const steps = rng.fork("operator-steps");
  const operatorSteps = poissonTimes(steps, o.operatorStepsPerHour, WARM_UP_SECONDS, T - 20).map((t) => ({
    station: inUseAt(t, steps),
    t,
    relative: (steps.uniform() < 0.5 ? -1 : 1) * uniformBetween(steps, 0.006, 0.03),
  }));
  const beam = rng.fork("beam-disturbances");
  const disturbances = poissonTimes(beam, o.beamDisturbancesPerHour, 20, T - 20).map((t) => ({
    t,
    size: (beam.uniform() < 0.5 ? -1 : 1) * uniformBetween(beam, 1.5, 6),
    tau: uniformBetween(beam, 0.5, 3),
  }));
  const periods = rng.fork("recording");
  const blocks = (count: number, lo: number, hi: number): Array<[number, number]> =>
    Array.from({ length: count }, () => {
      const length = uniformBetween(periods, lo, hi);
      const start = uniformBetween(periods, 0, Math.max(0, T - length));
      return [start, start + length] as [number, number];
    }).sort((a, b) => a[0] - b[0]);
  const kickBlocks = Math.round((o.kickModeFraction * T) / 1200);
  return {
    stations,
    anomalies,
    ammFalseAlarms,
    misreads,
    operatorSteps,
    disturbances,
    kickPeriods: blocks(kickBlocks, 600, 1800),
    duplicatePeriods: blocks(poissonTimes(periods, o.duplicatePeriodsPerHour, 0, T).length, 60, 300),
    rateFailures: blocks(poissonTimes(periods, o.rateFailuresPerHour, 0, T).length, 60, 300),
  };
}
