export { type CarryForwardOptions, carryForward } from "./carry-forward.ts";
export { type ResampleMethod, type ResampleOptions, resample } from "./resample.ts";
