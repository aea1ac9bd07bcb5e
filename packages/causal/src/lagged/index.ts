export { lagMatrix } from "./lag-matrix.ts";
export { type LaggedLink, PCMCI_DEFAULTS, type PcmciOptions, type PcmciResult, pcmci } from "./pcmci.ts";
