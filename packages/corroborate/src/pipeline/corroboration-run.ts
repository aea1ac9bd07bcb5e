import type { Series } from "@vigil/core";
import { withDefaults } from "@vigil/core";
import {
  AMPLITUDE_CANDIDATE_DEFAULTS,
  type AmplitudeCandidateOptions,
  amplitudeCandidates,
  type Candidate,
  corroborate,
  type IgnoredStatusBlock,
  mergeCandidates,
  STATUS_CANDIDATE_DEFAULTS,
  type StationDiagnostics,
  type StatusCandidateOptions,
  statusBitCandidates,
} from "../candidates/index.ts";
import {
  BEAM_SCORE_DEFAULTS,
  type BeamScoreOptions,
  beamSignalsFromSeries,
  scoreBeam,
  windowMaxima,
} from "../confirm/index.ts";
import type { TimeWindow } from "../confirm/window-maxima.ts";
import {
  BEAM_QUALITY_DEFAULTS,
  type BeamQualityOptions,
  filterBeamQuality,
  type QualityStep,
} from "../quality/index.ts";

export interface CorroborationRunOptions {
  amplitude: Partial<AmplitudeCandidateOptions>;
  status: Partial<StatusCandidateOptions>;
  beamScore: Partial<BeamScoreOptions>;
  quality: Partial<BeamQualityOptions>;
  /** Keep only candidates naming one station (the SLAC evaluation). */
  singleStationOnly: boolean;
}

const DEFAULTS: CorroborationRunOptions = {
  amplitude: AMPLITUDE_CANDIDATE_DEFAULTS,
  status: STATUS_CANDIDATE_DEFAULTS,
  beamScore: BEAM_SCORE_DEFAULTS,
  quality: BEAM_QUALITY_DEFAULTS,
  singleStationOnly: true,
};

/** Candidates of one source with their beam-score maxima. */
export interface ScoredCandidates {
  readonly candidates: readonly Candidate[];
  /** max over [start, end] of the aggregated beam score, per candidate. */
  readonly maxima: Float64Array;
  readonly droppedMultiStation: number;
  /** Candidates dropped because their window or score history falls in a dropped beam period. */
  readonly droppedNoBeam: number;
}

export interface CorroborationRun {
  readonly ampl: ScoredCandidates;
  readonly amm: ScoredCandidates;
  readonly ignoredStatusBlocks: readonly IgnoredStatusBlock[];
  readonly quality: readonly QualityStep[];
  /** Beam after quality filtering and its per-pulse score. */
  readonly beam: Series;
  readonly scores: Float64Array;
}

/**
 * Both stages end to end: beam-quality filtering, stage-1 candidates from the status bit (AMM) and the
 * amplitude deviation (AMPL), merged and cross-corroborated, then stage-2 beam-score maxima per window.
 */
export function runCorroboration(
  stations: readonly StationDiagnostics[],
  beam: Series,
  options?: Partial<CorroborationRunOptions>,
  progress: (stage: string) => void = () => {},
): CorroborationRun {
  const o = withDefaults("runCorroboration", DEFAULTS, options);
  progress(`filtering ${beam.timestamps.length} beam rows`);
  const quality = filterBeamQuality(beam, o.quality);
  const scoreOptions = { ...BEAM_SCORE_DEFAULTS, ...o.beamScore };
  progress(`scoring ${quality.series.timestamps.length} pulses`);
  const scores = scoreBeam(beamSignalsFromSeries(quality.series), scoreOptions);
  progress(`candidates from ${stations.length} stations`);
  const status = statusBitCandidates(stations, o.status);
  const amm = mergeCandidates(status.candidates, { singleStationOnly: o.singleStationOnly });
  const ampl = mergeCandidates(amplitudeCandidates(stations, o.amplitude), {
    singleStationOnly: o.singleStationOnly,
  });
  const rateHz = quality.series.channels[0]?.rateHz ?? 120;
  const historyNs = BigInt(
    Math.ceil(((2 * scoreOptions.windowPulses + scoreOptions.aggregatePulses) / rateHz) * 1e9),
  );
  const score = (list: Candidate[], droppedMultiStation: number): ScoredCandidates => {
    const first = quality.series.timestamps[0] ?? 0n;
    const judged = list.filter(
      (c) =>
        c.start - historyNs >= first &&
        !quality.droppedPeriods.some((p: TimeWindow) => p.start <= c.end && p.end >= c.start - historyNs),
    );
    return {
      candidates: judged,
      maxima: windowMaxima(quality.series.timestamps, scores, judged),
      droppedMultiStation,
      droppedNoBeam: list.length - judged.length,
    };
  };
  return {
    ampl: score(corroborate(ampl.candidates, amm.candidates), ampl.droppedMultiStation),
    amm: score(corroborate(amm.candidates, ampl.candidates), amm.droppedMultiStation),
    ignoredStatusBlocks: status.ignored,
    quality: quality.steps,
    beam: quality.series,
    scores,
  };
}
