export { type ChannelShare, rankChannels } from "./channel-ranking.ts";
export {
  SCORE_CHANGEPOINT_DEFAULTS,
  type ScoreChangepointOptions,
  type ScoreRegimePrior,
  scoreChangepoints,
  scoreRegimePrior,
} from "./score-changepoints.ts";
export { type ScoredEvent, type StepTime, scoredEvents } from "./scored-events.ts";
