export {
  type ChannelVariability,
  type ConstantChannelOptions,
  channelVariability,
  constantChannels,
} from "./constant.ts";
export { type PackWindowsOptions, packWindows, type WindowBatch } from "./pack.ts";
export {
  type SlidingWindowOptions,
  type SlidingWindows,
  slidingWindows,
  type WindowView,
} from "./sliding.ts";
