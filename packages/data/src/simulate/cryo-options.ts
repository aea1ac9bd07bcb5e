import { VigilArgumentError } from "@vigil/core/errors";
import {
  expectInteger,
  expectNumber,
  expectOneOf,
  expectPositiveInteger,
  withDefaults,
} from "@vigil/core/validate";
import { CRYO_FAULT_MODES, type CryoFaultMode } from "./cryo-faults.ts";

export interface CryoFleetOptions {
  /** Every draw derives from it: the same seed and options give the same fleet, bit for bit. */
  seed: number;
  sites: number;
  magnetsPerSite: number;
  days: number;
  /** Start of the simulation, int64 ns since epoch (default 2026-01-05 00:00 UTC). */
  startNs: bigint;
  /** Sampling interval of the fastest site; the slowest samples 10× slower (10× less data). */
  baseSampleSeconds: number;
  faultsPerMagnet: number;
  /** Fault modes to draw from, assigned round-robin across the fleet so that each appears. */
  faultModes: readonly CryoFaultMode[];
  /** After a failure the magnet is down (all channels NaN) for this long. */
  downtimeHours: number;
}

export const CRYO_FLEET_DEFAULTS: CryoFleetOptions = {
  seed: 1,
  sites: 3,
  magnetsPerSite: 2,
  days: 14,
  startNs: 1_767_571_200_000_000_000n,
  baseSampleSeconds: 10,
  faultsPerMagnet: 1,
  faultModes: CRYO_FAULT_MODES,
  downtimeHours: 12,
};

export function cryoFleetOptions(options: Partial<CryoFleetOptions> | undefined): CryoFleetOptions {
  const o = withDefaults("cryo fleet options", CRYO_FLEET_DEFAULTS, options);
  expectInteger("seed", o.seed, 0, 0xffffffff);
  expectPositiveInteger("sites", o.sites);
  expectPositiveInteger("magnetsPerSite", o.magnetsPerSite);
  expectNumber("days", o.days, 1 / 24, 3660);
  expectNumber("baseSampleSeconds", o.baseSampleSeconds, 0.1, 3600);
  expectInteger("faultsPerMagnet", o.faultsPerMagnet, 0, 20);
  expectNumber("downtimeHours", o.downtimeHours, 0, 24 * 30);
  if (typeof o.startNs !== "bigint")
    throw new VigilArgumentError("Expected a bigint for startNs", { name: "startNs" });
  if (o.faultsPerMagnet > 0 && o.faultModes.length === 0) {
    throw new VigilArgumentError("Expected at least one fault mode in faultModes", { name: "faultModes" });
  }
  for (const mode of o.faultModes) expectOneOf("faultModes", mode, CRYO_FAULT_MODES);
  return o;
}
