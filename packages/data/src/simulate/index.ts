export { cryoDag, type DagEdge, dagDescendants, dagEdgesCsv, writeDagEdgesCsv } from "./cryo-dag.ts";
export {
  CRYO_FAULT_MODES,
  CRYO_FAULT_SPECS,
  type CryoFault,
  type CryoFaultMode,
  type CryoFaultModeSpec,
} from "./cryo-faults.ts";
export { type CryoFleet, simulateCryoFleet } from "./cryo-fleet.ts";
export type { CryoMagnet } from "./cryo-magnet.ts";
export {
  CRYO_OBSERVATIONAL_DEFAULTS,
  type CryoObservationalOptions,
  cryoObservationalSample,
} from "./cryo-observational.ts";
export { CRYO_FLEET_DEFAULTS, type CryoFleetOptions } from "./cryo-options.ts";
export {
  CRYO_CHANNEL_SPECS,
  CRYO_CHANNELS,
  CRYO_EDGES,
  CRYO_NOISE_STD,
  type CryoChannel,
  type CryoChannelSpec,
  type CryoEdge,
} from "./cryo-scm.ts";
export type { CryoSiteProfile } from "./cryo-sites.ts";
export { simulateRfBeam } from "./rf-beam.ts";
export { RF_BEAM_DEFAULTS } from "./rf-beam-options.ts";
export * from "./rf-beam-types.ts";
