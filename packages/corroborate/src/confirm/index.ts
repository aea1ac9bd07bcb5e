export { BEAM_SCORE_DEFAULTS, type BeamScoreOptions, scoreBeam } from "./beam-score.ts";
export { type BeamSignals, beamSignalsFromSeries } from "./beam-signals.ts";
export {
  MAD_TO_SIGMA,
  type RobustZOptions,
  robustZScores,
  robustZScoresByRecomputation,
} from "./robust-z.ts";
export { SlidingMedian } from "./sliding-median.ts";
export { type TimeWindow, windowMaxima } from "./window-maxima.ts";
