import type { Series } from "@vigil/core";
import type { ChangeOnlySignal } from "@vigil/core/rolling";

export interface RfBeamOptions {
  seed: number;
  durationSeconds: number;
  /** Start of the simulation, int64 ns since epoch (default 2020-11-02 00:00 UTC, the SLAC study start). */
  startNs: bigint;
  /** RF stations, named KLYS:LI20:11 … in sector order. */
  stations: number;
  /** Stations held in reserve (not in use) at the start. */
  spareStations: number;
  /** Operators swap an in-use station for a spare this many times. */
  stationSwaps: number;
  pulseRateHz: number;
  /** Longest gap between a station's diagnostic scans (0.2 Hz ⇒ 5 s): the reporting lag bound. */
  scanIntervalSeconds: number;
  faultsPerHour: number;
  sustainedPerHour: number;
  /** AMM bit raised with no amplitude change (diagnostic false alarms). */
  ammFalseAlarmsPerHour: number;
  /** Archived amplitude misreads (one report off by 0.6–3 %). */
  amplitudeMisreadsPerHour: number;
  /** Operator amplitude adjustments (0.6–3 %), compensated so the beam does not see them. */
  operatorStepsPerHour: number;
  /** Beam energy jumps with no RF cause (injector, feedback, …). */
  beamDisturbancesPerHour: number;
  /** Stations whose AMM threshold is misconfigured: the bit is 1 for ~30 % of the time. */
  misconfiguredStations: number;
  /** Shot-to-shot energy jitter (energy-loss units, as the scaled dispersive BPM positions). */
  energyJitter: number;
  /** Independent per-BPM position noise (energy-loss units). */
  bpmNoise: number;
  /** Relative noise of the archived amplitude. */
  amplitudeNoise: number;
  /** AMM bit: amplitude deficit that counts as out of tolerance. */
  ammTolerance: number;
  /** Fraction of time in a kicker mode that removes one pulse in `kickEveryPulses`. */
  kickModeFraction: number;
  kickEveryPulses: number;
  /** Periods of double logging (each row followed by an exact duplicate at Δt ≈ 0). */
  duplicatePeriodsPerHour: number;
  /** Periods recorded at the wrong rate (a fraction of rows lost). */
  rateFailuresPerHour: number;
}

/** Injected RF-station anomaly (ground truth). */
export interface RfAnomaly {
  readonly station: number;
  readonly kind: "fault" | "sustained";
  readonly onsetNs: bigint;
  /** When the amplitude deficit has decayed below 1 % of its depth. */
  readonly endNs: bigint;
  /** Relative amplitude deficit at onset. */
  readonly depth: number;
}

export interface RfBeamTruth {
  readonly anomalies: readonly RfAnomaly[];
  readonly ammFalseAlarms: ReadonlyArray<{ station: number; timeNs: bigint }>;
  readonly amplitudeMisreads: ReadonlyArray<{ station: number; timeNs: bigint }>;
  readonly operatorSteps: ReadonlyArray<{ station: number; timeNs: bigint; relative: number }>;
  readonly beamDisturbances: ReadonlyArray<{ startNs: bigint; endNs: bigint }>;
  readonly misconfiguredStations: readonly number[];
  /** Row indices (in `beam`) of kicked pulses. */
  readonly kickedRows: Int32Array;
  /** Row indices (in `beam`) that duplicate the row before them. */
  readonly duplicatedRows: Int32Array;
  readonly rateFailures: ReadonlyArray<{ startNs: bigint; endNs: bigint }>;
}

export interface RfStationDiagnostics {
  readonly name: string;
  /** AMPL: archived RF amplitude (MV), change-only. */
  readonly amplitude: ChangeOnlySignal;
  /** AMM: amplitude-out-of-tolerance status bit (1 = unhealthy), change-only. */
  readonly status: ChangeOnlySignal;
  /** 1 while the station is in use, 0 while held in reserve, change-only. */
  readonly inUse: ChangeOnlySignal;
}

export interface RfBeamSimulation {
  readonly options: RfBeamOptions;
  readonly stations: readonly RfStationDiagnostics[];
  /**
   * Pulse data as recorded (before any quality filtering): channels TMIT and dispersive position of four
   * BPMs in the SLAC order (DMPH:502 TMIT, Y; DMPH:693 TMIT, Y; LTUH:250 TMIT, X; LTUH:450 TMIT, X),
   * positions in energy-loss units; where TMIT < 1e8 the position repeats the last value, as raw BSA does.
   * Labels: the RF anomalies ("anomaly:fault" / "anomaly:sustained", channel = station name).
   */
  readonly beam: Series;
  readonly truth: RfBeamTruth;
}

export const RF_BPM_CHANNELS = [
  "BPMS:DMPH:502:TMIT",
  "BPMS:DMPH:502:Y",
  "BPMS:DMPH:693:TMIT",
  "BPMS:DMPH:693:Y",
  "BPMS:LTUH:250:TMIT",
  "BPMS:LTUH:250:X",
  "BPMS:LTUH:450:TMIT",
  "BPMS:LTUH:450:X",
] as const;
