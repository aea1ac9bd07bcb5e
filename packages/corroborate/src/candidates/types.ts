import type { ChangeOnlySignal } from "@vigil/core/rolling";

/** Which slow diagnostic raised a candidate: the AMM status bit or the AMPL amplitude deviation. */
export type DiagnosticSource = "AMM" | "AMPL";

/** What the other diagnostic says about a candidate (SLAC dataset `corroborate` column). */
export type Corroboration = "Missing" | "Reinforced" | "Disagree";

/** One station's slow diagnostics, change-only. Without `inUse` the station counts as always in use. */
export interface StationDiagnostics {
  readonly name: string;
  readonly amplitude?: ChangeOnlySignal;
  readonly status?: ChangeOnlySignal;
  readonly inUse?: ChangeOnlySignal;
}

/** An anomaly candidate: the anomaly may have happened in [start, end] at one of `stations`. */
export interface Candidate {
  readonly start: bigint;
  readonly end: bigint;
  readonly stations: readonly string[];
  readonly source: DiagnosticSource;
  readonly corroboration?: Corroboration;
  /** The other diagnostic's overlapping candidates, as "station (sources)". */
  readonly corroboratedBy?: readonly string[];
}

/** Candidate window around the report that raised it: the anomaly happened up to `lagSeconds` before. */
export interface ReportWindow {
  /** Reporting lag: the archive stamps a change up to this long after it happened. */
  lagSeconds: number;
  /** Slack after the report. */
  marginSeconds: number;
}
