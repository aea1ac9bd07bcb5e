import type { Rng } from "@vigil/core/random";
import { uniformBetween } from "./random-draws.ts";
import { deficitAt, isInUse, type Scenario } from "./rf-beam-scenario.ts";
import type { RfBeamOptions, RfStationDiagnostics } from "./rf-beam-types.ts";

/** The archive's amplitude resolution (MV), as in the SLAC AMPL data. */
const AMPLITUDE_QUANTUM = 25 / 1024;
/** Slow amplitude drift from the automatic controls: OU process, relative σ and time constant (s). */
const DRIFT_SIGMA = 1e-3;
const DRIFT_TAU = 600;
/** Misconfigured AMM threshold: mean seconds spent unhealthy / healthy (≈ 30 % unhealthy). */
const MISCONFIGURED_ON = 60;
const MISCONFIGURED_OFF = 140;

/** Change-only report stream under construction. */
class Reports {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  report(t: number, v: number): void {
    if (this.values.length > 0 && this.values[this.values.length - 1] === v) return;
    this.times.push(t);
    this.values.push(v);
  }

  build(startNs: bigint): { timestampsNs: BigInt64Array; values: Float64Array } {
    return {
      timestampsNs: BigInt64Array.from(this.times, (t) => startNs + BigInt(Math.round(t * 1e9))),
      values: Float64Array.from(this.values),
    };
  }
}

/**
 * One station's archived diagnostics. The station scans every 0.9–1.0 × scanIntervalSeconds, so a change
 * shows in the archive within one interval (the reporting lag); each scan archives the amplitude and the
 * AMM bit only when they changed.
 */
export function stationDiagnostics(
  k: number,
  scenario: Scenario,
  o: RfBeamOptions,
  rng: Rng,
): RfStationDiagnostics {
  const plan = scenario.stations[k]!;
  const anomalies = scenario.anomalies.filter((a) => a.station === k);
  const alarms = scenario.ammFalseAlarms.filter((a) => a.station === k);
  const misreads = scenario.misreads.filter((m) => m.station === k);
  const steps = scenario.operatorSteps.filter((s) => s.station === k);
  const amplitude = new Reports();
  const status = new Reports();
  const inUse = new Reports();
  let drift = 0;
  let level = 1;
  let nextStep = 0;
  let nextMisread = 0;
  let misconfiguredOn = false;
  let misconfiguredUntil = uniformBetween(rng, 0, MISCONFIGURED_OFF);
  let previous = 0;
  for (let t = uniformBetween(rng, 0, o.scanIntervalSeconds); t < o.durationSeconds; ) {
    const using = isInUse(plan, t);
    inUse.report(t, using ? 1 : 0);
    const dt = t - previous;
    const keep = Math.exp(-dt / DRIFT_TAU);
    drift = drift * keep + DRIFT_SIGMA * Math.sqrt(1 - keep * keep) * rng.normal();
    while (nextStep < steps.length && steps[nextStep]!.t <= t) level *= 1 + steps[nextStep++]!.relative;
    while (plan.misconfigured && misconfiguredUntil <= t) {
      misconfiguredOn = !misconfiguredOn;
      misconfiguredUntil -=
        (misconfiguredOn ? MISCONFIGURED_ON : MISCONFIGURED_OFF) * Math.log(1 - rng.uniform());
    }
    let value: number;
    let bit: number;
    if (using) {
      let deficit = 0;
      for (const a of anomalies) deficit += deficitAt(a, t);
      deficit = Math.min(deficit, 1);
      value = plan.nominal * level * (1 + drift) * (1 - deficit) * (1 + o.amplitudeNoise * rng.normal());
      while (nextMisread < misreads.length && misreads[nextMisread]!.t <= t) {
        value *= 1 + misreads[nextMisread++]!.relative;
      }
      const alarm = alarms.some((a) => a.t <= t && t < a.t + a.duration);
      bit = deficit >= o.ammTolerance || alarm || misconfiguredOn ? 1 : 0;
    } else {
      // A station in reserve reads near zero and out of tolerance: only the in-use flag says to skip it.
      value = uniformBetween(rng, 0, 0.05);
      bit = 1;
    }
    amplitude.report(t, Math.round(value / AMPLITUDE_QUANTUM) * AMPLITUDE_QUANTUM);
    status.report(t, bit);
    previous = t;
    t += uniformBetween(rng, 0.9, 1) * o.scanIntervalSeconds;
  }
  return {
    name: plan.name,
    amplitude: amplitude.build(o.startNs),
    status: status.build(o.startNs),
    inUse: inUse.build(o.startNs),
  };
}
