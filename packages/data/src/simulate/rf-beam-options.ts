import { expectInteger, expectNumber, withDefaults } from "@vigil/core";
import type { RfBeamOptions } from "./rf-beam-types.ts";

export const RF_BEAM_DEFAULTS: RfBeamOptions = {
  seed: 1,
  durationSeconds: 4 * 3600,
  startNs: 1_604_275_200_000_000_000n,
  stations: 82,
  spareStations: 4,
  stationSwaps: 1,
  pulseRateHz: 120,
  scanIntervalSeconds: 5,
  faultsPerHour: 8,
  sustainedPerHour: 12,
  ammFalseAlarmsPerHour: 24,
  amplitudeMisreadsPerHour: 20,
  operatorStepsPerHour: 10,
  beamDisturbancesPerHour: 10,
  misconfiguredStations: 2,
  energyJitter: 0.5,
  bpmNoise: 0.2,
  amplitudeNoise: 3e-4,
  ammTolerance: 0.03,
  kickModeFraction: 0.25,
  kickEveryPulses: 40,
  duplicatePeriodsPerHour: 2,
  rateFailuresPerHour: 1,
};

export function rfBeamOptions(given: Partial<RfBeamOptions> | undefined): RfBeamOptions {
  const o = withDefaults("simulateRfBeam", RF_BEAM_DEFAULTS, given);
  expectInteger("seed", o.seed, 0, 2 ** 32 - 1);
  expectNumber("durationSeconds", o.durationSeconds, 300);
  if (typeof o.startNs !== "bigint") expectNumber("startNs (a bigint)", Number.NaN);
  expectInteger("stations", o.stations, 2, 1000);
  expectInteger("spareStations", o.spareStations, 0, o.stations - 1);
  expectInteger("stationSwaps", o.stationSwaps, 0, o.spareStations === 0 ? 0 : 1000);
  expectInteger("misconfiguredStations", o.misconfiguredStations, 0, o.stations - o.spareStations);
  expectNumber("pulseRateHz", o.pulseRateHz, 1, 10_000);
  expectNumber("scanIntervalSeconds", o.scanIntervalSeconds, 0.1);
  for (const key of [
    "faultsPerHour",
    "sustainedPerHour",
    "ammFalseAlarmsPerHour",
    "amplitudeMisreadsPerHour",
    "operatorStepsPerHour",
    "beamDisturbancesPerHour",
    "duplicatePeriodsPerHour",
    "rateFailuresPerHour",
    "energyJitter",
    "bpmNoise",
    "amplitudeNoise",
  ] as const) {
    expectNumber(key, o[key], 0);
  }
  expectNumber("ammTolerance", o.ammTolerance, 0.005, 1);
  expectNumber("kickModeFraction", o.kickModeFraction, 0, 1);
  expectInteger("kickEveryPulses", o.kickEveryPulses, 2);
  return o;
}
