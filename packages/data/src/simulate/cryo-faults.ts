import type { CryoChannel } from "./cryo-scm.ts";

export type CryoFaultMode =
  | "cold-head-wear"
  | "compressor-degradation"
  | "cooling-water-failure"
  | "vacuum-degradation";

export const CRYO_FAULT_MODES: readonly CryoFaultMode[] = [
  "cold-head-wear",
  "compressor-degradation",
  "cooling-water-failure",
  "vacuum-degradation",
];

export interface CryoFaultModeSpec {
  /** The channel whose structural equation the fault perturbs; its descendants follow through the SCM. */
  readonly root: CryoChannel;
  /** Nominal onset-to-failure duration range in hours (shortened to fit short simulations). */
  readonly minHours: number;
  readonly maxHours: number;
  /** Deviation added to the root's equation, in standard deviations, at progress p ∈ [0, 1] to failure. */
  readonly deviation: (p: number) => number;
}

export const CRYO_FAULT_SPECS: Readonly<Record<CryoFaultMode, CryoFaultModeSpec>> = {
  // Displacer-seal wear: the 1st stage warms slowly and steadily until it cannot hold the shield.
  "cold-head-wear": { root: "coldhead_stage1_temp", minHours: 72, maxHours: 240, deviation: (p) => 6 * p },
  // Bearing wear accelerates: vibration grows quadratically, friction raises the power.
  "compressor-degradation": {
    root: "compressor_vibration",
    minHours: 48,
    maxHours: 168,
    deviation: (p) => 7 * p * p,
  },
  // A failing pump or clogged filter: flow collapses within hours; the compressor overheats and trips.
  "cooling-water-failure": {
    root: "cooling_water_flow",
    minHours: 2,
    maxHours: 12,
    deviation: (p) => -6 * (1 - Math.exp(-4 * p)),
  },
  // Rising vacuum-space pressure conducts heat into the helium: boil-off, pressure up, level down, quench.
  "vacuum-degradation": {
    root: "helium_pressure",
    minHours: 24,
    maxHours: 96,
    deviation: (p) => 6 * p ** 1.5,
  },
};

/** One injected fault (ground truth). */
export interface CryoFault {
  readonly mode: CryoFaultMode;
  readonly rootCause: CryoChannel;
  readonly onsetNs: bigint;
  /** The failure (trip, quench, loss of refrigeration) that ends the fault; the magnet is then down. */
  readonly failureNs: bigint;
}
