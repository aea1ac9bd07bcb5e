export {
  AMPLITUDE_CANDIDATE_DEFAULTS,
  type AmplitudeCandidateOptions,
  amplitudeCandidates,
  amplitudeDeviation,
} from "./amplitude-candidates.ts";
export { runOnsets, valueAt, windowAround } from "./bit-runs.ts";
export { corroborate } from "./corroborate.ts";
export { mergeCandidates } from "./merge.ts";
export {
  type IgnoredStatusBlock,
  STATUS_CANDIDATE_DEFAULTS,
  type StatusCandidateOptions,
  statusBitCandidates,
} from "./status-candidates.ts";
export type {
  Candidate,
  Corroboration,
  DiagnosticSource,
  ReportWindow,
  StationDiagnostics,
} from "./types.ts";
