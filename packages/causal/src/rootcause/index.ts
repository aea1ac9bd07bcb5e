export { type RankedCause, ROOT_CAUSE_DEFAULTS, type RootCauseOptions, rankRootCauses } from "./rank.ts";
