export { duplicateRowMask } from "./duplicate-rows.ts";
export {
  BEAM_QUALITY_DEFAULTS,
  type BeamQualityOptions,
  type BeamQualityResult,
  filterBeamQuality,
  type QualityStep,
} from "./filter-beam.ts";
export { kickedPulseMask } from "./kicked-pulses.ts";
export { rateMask } from "./rate-mask.ts";
export {
  badRatePeriods,
  RATE_PERIOD_DEFAULTS,
  type RatePeriod,
  type RatePeriodOptions,
} from "./rate-periods.ts";
export { type RealSegment, type RealSegmentOptions, realValuedSegments } from "./real-segments.ts";
export { selectRows } from "./select-rows.ts";
