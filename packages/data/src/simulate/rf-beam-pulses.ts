import type { Label, Series } from "@vigil/core";
import type { Rng } from "@vigil/core/random";
import { uniformBetween } from "./random-draws.ts";
import { anomalyEnd, deficitAt, type Scenario } from "./rf-beam-scenario.ts";
import { RF_BPM_CHANNELS, type RfBeamOptions } from "./rf-beam-types.ts";

/** Per BPM: nominal TMIT (electrons), relative TMIT jitter, position offset — SLAC-like magnitudes. */
const BPMS = [
  { tmit: 1.02e9, jitter: 0.02, offset: 3.5 },
  { tmit: 0.66e9, jitter: 0.15, offset: -0.5 },
  { tmit: 1.07e9, jitter: 0.015, offset: 0 },
  { tmit: 0.91e9, jitter: 0.015, offset: 0.06 },
] as const;
/** Below this TMIT a BPM has too little beam to measure position; raw data repeats the last value. */
const LOST_TMIT = 1e8;
/** Relative amplitude deficit beyond which the beam is lost (a fault trips the machine protection). */
const BEAM_LOSS_DEFICIT = 0.2;
/** Slow beam drift from operators and feedbacks (OU): energy σ (units), charge σ (relative), τ (s). */
const ENERGY_DRIFT = { sigma: 0.5, tau: 300 };
const CHARGE_DRIFT = { sigma: 0.03, tau: 600 };
const CHARGE_JITTER = 0.01;
const TIMING_JITTER_SECONDS = 5e-6;
/** Fraction of rows lost inside a wrong-rate period. */
const RATE_FAILURE_LOSS = 0.4;

interface PulseTruth {
  beam: Series;
  kickedRows: Int32Array;
  duplicatedRows: Int32Array;
}

/** Adds f(t) over pulse indices covering [from, to) seconds. */
function addOver(
  target: Float64Array,
  rate: number,
  from: number,
  to: number,
  f: (t: number) => number,
): void {
  const i0 = Math.max(0, Math.ceil(from * rate));
  const i1 = Math.min(target.length, Math.ceil(to * rate));
  for (let i = i0; i < i1; i++) target[i] = target[i]! + f(i / rate);
}

function inPeriods(periods: ReadonlyArray<[number, number]>, t: number): boolean {
  return periods.some(([a, b]) => a <= t && t < b);
}

export function beamPulses(scenario: Scenario, o: RfBeamOptions, rng: Rng): PulseTruth {
  const rate = o.pulseRateHz;
  const n = Math.floor(o.durationSeconds * rate);
  // Energy deviation (energy-loss units) and RF deficit driving beam loss, per nominal pulse.
  const energy = new Float64Array(n);
  const lossDeficit = new Float64Array(n);
  for (const a of scenario.anomalies) {
    const gain = scenario.stations[a.station]!.gain;
    addOver(energy, rate, a.onset, anomalyEnd(a), (t) => gain * deficitAt(a, t));
    if (a.kind === "fault") addOver(lossDeficit, rate, a.onset, anomalyEnd(a), (t) => deficitAt(a, t));
  }
  for (const d of scenario.disturbances) {
    addOver(energy, rate, d.t, d.t + d.tau * Math.log(100), (t) => d.size * Math.exp(-(t - d.t) / d.tau));
  }
  const rows = rng.fork("rows");
  const keep = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const kept = !inPeriods(scenario.rateFailures, t) || rows.uniform() >= RATE_FAILURE_LOSS;
    keep[i] = kept ? (inPeriods(scenario.duplicatePeriods, t) ? 2 : 1) : 0;
    total += keep[i]!;
  }
  const timestamps = new BigInt64Array(total);
  const values = RF_BPM_CHANNELS.map(() => new Float64Array(total));
  const kicked: number[] = [];
  const duplicated: number[] = [];
  const noise = rng.fork("pulse-noise");
  const lastPosition: number[] = BPMS.map((b) => b.offset);
  const eKeep = Math.exp(-1 / (rate * ENERGY_DRIFT.tau));
  const qKeep = Math.exp(-1 / (rate * CHARGE_DRIFT.tau));
  let eDrift = 0;
  let qDrift = 0;
  let row = 0;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    eDrift = eDrift * eKeep + ENERGY_DRIFT.sigma * Math.sqrt(1 - eKeep * eKeep) * noise.normal();
    qDrift = qDrift * qKeep + CHARGE_DRIFT.sigma * Math.sqrt(1 - qKeep * qKeep) * noise.normal();
    const e = eDrift + energy[i]! + o.energyJitter * noise.normal();
    const charge = (1 + qDrift) * (1 + CHARGE_JITTER * noise.normal());
    const kick = i % o.kickEveryPulses === 0 && inPeriods(scenario.kickPeriods, t);
    const lost = kick || lossDeficit[i]! >= BEAM_LOSS_DEFICIT;
    const jitter = TIMING_JITTER_SECONDS * noise.normal();
    if (keep[i] === 0) continue;
    timestamps[row] = o.startNs + BigInt(Math.round((t + jitter) * 1e9));
    if (kick) kicked.push(row);
    for (let b = 0; b < BPMS.length; b++) {
      const bpm = BPMS[b]!;
      const tmit = lost
        ? uniformBetween(noise, 1e5, 5e7)
        : bpm.tmit * charge * (1 + bpm.jitter * noise.normal());
      if (tmit >= LOST_TMIT) lastPosition[b] = bpm.offset + e + o.bpmNoise * noise.normal();
      values[2 * b]![row] = tmit;
      values[2 * b + 1]![row] = lastPosition[b]!;
    }
    row++;
    if (keep[i] === 2) {
      // Double logging: an exact copy of the row, stamped (almost) at the same time.
      timestamps[row] = timestamps[row - 1]! + 1000n;
      for (const column of values) column[row] = column[row - 1]!;
      duplicated.push(row++);
    }
  }
  const labels: Label[] = scenario.anomalies.map((a) => ({
    start: o.startNs + BigInt(Math.round(a.onset * 1e9)),
    end: o.startNs + BigInt(Math.round(anomalyEnd(a) * 1e9)),
    type: `anomaly:${a.kind}`,
    channel: scenario.stations[a.station]!.name,
  }));
  const beam: Series = {
    asset: { site: "simulated-linac", machine: "hard-x-ray-line" },
    timestamps,
    channels: RF_BPM_CHANNELS.map((name) =>
      name.endsWith("TMIT")
        ? { name, kind: "charge" as const, unit: "electrons", rateHz: rate }
        : { name, kind: "position" as const, unit: "energy-loss units", rateHz: rate },
    ),
    values,
    labels,
  };
  return { beam, kickedRows: Int32Array.from(kicked), duplicatedRows: Int32Array.from(duplicated) };
}
