export { type DpAggregate, dpFedAvg } from "./dp-fedavg.ts";
export {
  gaussianRdp,
  noiseMultiplierFor,
  type PrivacySpent,
  RDP_ORDERS,
  RdpAccountant,
  rdpToDp,
} from "./rdp-accountant.ts";
