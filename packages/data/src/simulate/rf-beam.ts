import { createRng } from "@vigil/core/random";
import { rfBeamOptions } from "./rf-beam-options.ts";
import { beamPulses } from "./rf-beam-pulses.ts";
import { anomalyEnd, planScenario } from "./rf-beam-scenario.ts";
import { stationDiagnostics } from "./rf-beam-stations.ts";
import type { RfBeamOptions, RfBeamSimulation } from "./rf-beam-types.ts";

/**
 * Simulates RF stations and the beam they accelerate, after the SLAC LCLS setting (Humble et al.):
 *
 * - K stations archive an amplitude (AMPL, MV, quantised to 25/1024) and an out-of-tolerance bit (AMM)
 *   change-only from scans every 0.9–1.0 × 5 s (≈ 0.2 Hz), so a change reaches the archive up to 5 s
 *   late; an in-use flag marks spares (which read ≈ 0 with AMM = 1) and operator swaps.
 * - 120 Hz pulses with four dispersive BPMs (TMIT charge and position in energy-loss units): shot-to-shot
 *   energy jitter, per-BPM noise, slow energy and charge drift (operators, feedbacks).
 * - Injected RF anomalies (labels): faults (30–100 % amplitude drop held 0.5–6 s; beam lost, TMIT < 1e8)
 *   and sustained anomalies (2–8 % dip recovering over 2–6 s, i.e. hundreds of pulses). Their beam
 *   effect depends on the station's energy gain (a 1 % deficit moves energy by 1.5–3 σ of the jitter).
 * - What makes the diagnostics unreliable: AMM false alarms, amplitude misreads, operator amplitude steps
 *   (compensated, invisible on the beam), stations with misconfigured AMM thresholds (≈ 30 % unhealthy),
 *   and beam disturbances with no RF cause.
 * - What the beam-quality filters must handle: kicked pulses (TMIT crashes on one pulse in N during kicker
 *   periods), double-logged rows (exact duplicates at Δt ≈ 0), and periods recorded at the wrong rate
 *   (40 % of rows lost).
 *
 * Deterministic for a seed: every part draws from its own named stream of one seeded generator.
 */
export function simulateRfBeam(options?: Partial<RfBeamOptions>): RfBeamSimulation {
  const o = rfBeamOptions(options);
  const rng = createRng(o.seed);
  const scenario = planScenario(o, rng);
  const diagnostics = rng.fork("diagnostics");
  const stations = scenario.stations.map((_, k) =>
    stationDiagnostics(k, scenario, o, diagnostics.fork(`station ${k}`)),
  );
  const { beam, kickedRows, duplicatedRows } = beamPulses(scenario, o, rng.fork("beam"));
  const ns = (t: number): bigint => o.startNs + BigInt(Math.round(t * 1e9));
  return {
    options: o,
    stations,
    beam,
    truth: {
      anomalies: scenario.anomalies.map((a) => ({
        station: a.station,
        kind: a.kind,
        onsetNs: ns(a.onset),
        endNs: ns(anomalyEnd(a)),
        depth: a.depth,
      })),
      ammFalseAlarms: scenario.ammFalseAlarms.map((a) => ({ station: a.station, timeNs: ns(a.t) })),
      amplitudeMisreads: scenario.misreads.map((m) => ({ station: m.station, timeNs: ns(m.t) })),
      operatorSteps: scenario.operatorSteps.map((s) => ({
        station: s.station,
        timeNs: ns(s.t),
        relative: s.relative,
      })),
      beamDisturbances: scenario.disturbances.map((d) => ({
        startNs: ns(d.t),
        endNs: ns(d.t + d.tau * Math.log(100)),
      })),
      misconfiguredStations: scenario.stations.flatMap((s, k) => (s.misconfigured ? [k] : [])),
      kickedRows,
      duplicatedRows,
      rateFailures: scenario.rateFailures.map(([a, b]) => ({ startNs: ns(a), endNs: ns(b) })),
    },
  };
}
