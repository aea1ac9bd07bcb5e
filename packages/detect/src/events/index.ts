export { type ChannelShare, rankChannels } from "./channel-ranking.ts";
export { type ScoredEvent, type StepTime, scoredEvents } from "./scored-events.ts";
