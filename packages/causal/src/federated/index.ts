export { pooledFisherZ, weightedFisherZ } from "./federated-fisher-z.ts";
export {
  FEDERATED_PC_DEFAULTS,
  FEDERATION_MODES,
  type FederatedPcOptions,
  type FederatedPcResult,
  type FederationMode,
  federatedPc,
  federatedPcFromMessages,
} from "./federated-pc.ts";
export {
  DP_DEFAULTS,
  type DpOptions,
  privateSiteMessage,
  type SiteMessage,
  siteMessage,
} from "./site-message.ts";
