import { VigilArgumentError } from "@vigil/core/errors";
import type { Rng } from "@vigil/core/random";
import { CRYO_FAULT_SPECS, type CryoFaultMode } from "./cryo-faults.ts";
import { logUniform } from "./random-draws.ts";

/** A fault in seconds from the start of the simulation. */
export interface ScheduledFault {
  readonly mode: CryoFaultMode;
  readonly onset: number;
  readonly failure: number;
}

/**
 * Places one fault in each of `modes.length` equal segments of the span, leaving room for the downtime
 * after its failure, so that faults never overlap. A fault lasts its mode's nominal 2–240 h, shortened
 * to 60 % of the segment when the simulation is too short for it.
 */
export function scheduleFaults(
  rng: Rng,
  modes: readonly CryoFaultMode[],
  spanSeconds: number,
  downtimeSeconds: number,
): ScheduledFault[] {
  if (modes.length === 0) return [];
  const segment = spanSeconds / modes.length;
  const room = segment - downtimeSeconds;
  if (!(room > 0)) {
    throw new VigilArgumentError(
      `A ${spanSeconds / 86_400}-day simulation is too short for ${modes.length} fault(s) per magnet with ${downtimeSeconds / 3600} h downtime each`,
      { name: "days" },
    );
  }
  return modes.map((mode, k) => {
    const spec = CRYO_FAULT_SPECS[mode];
    const duration = Math.min(logUniform(rng, spec.minHours, spec.maxHours) * 3600, 0.6 * room);
    const onset = k * segment + rng.uniform() * (room - duration);
    return { mode, onset, failure: onset + duration };
  });
}
