import type { RejectedUpdate } from "../aggregate/screen-updates.ts";

/** What happened in one round. */
export interface RoundReport {
  readonly round: number;
  /** Clients asked to train. */
  readonly selected: readonly string[];
  /** Clients whose updates were aggregated. */
  readonly used: readonly string[];
  /** Answers that could not be used (malformed, mismatched, non-finite…), with the reason. */
  readonly rejected: readonly RejectedUpdate[];
  /** Clients that did not answer within the round's time limit. */
  readonly timedOut: readonly string[];
  /** Clients whose training threw, with the error's message. */
  readonly failed: readonly RejectedUpdate[];
  /** Clients whose delta was clipped (norm-bounded aggregation or DP). */
  readonly clipped: readonly string[];
  /** Bytes of the global model sent to the selected clients, and of the answers received. */
  readonly bytesDown: number;
  readonly bytesUp: number;
  /** Sample-weighted mean of the used clients' losses of the global model they received (NaN: none). */
  readonly loss: number;
  /** L2 norm of the step applied to the global model (0 when no update was usable). */
  readonly stepNorm: number;
  /** ε spent so far at the privacy options' δ; undefined without privacy. */
  readonly epsilon: number | undefined;
  readonly seconds: number;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** One line for a progress log. */
export function formatRoundReport(r: RoundReport): string {
  const parts = [
    `round ${r.round}`,
    `${r.used.length}/${r.selected.length} used`,
    ...(r.rejected.length > 0 ? [`rejected ${r.rejected.map((x) => x.client).join(",")}`] : []),
    ...(r.timedOut.length > 0 ? [`timed out ${r.timedOut.join(",")}`] : []),
    ...(r.failed.length > 0 ? [`failed ${r.failed.map((x) => x.client).join(",")}`] : []),
    `loss ${r.loss.toFixed(4)}`,
    `step ${r.stepNorm.toExponential(2)}`,
    `down ${kib(r.bytesDown)} up ${kib(r.bytesUp)}`,
    ...(r.epsilon === undefined ? [] : [`ε ${Number.isFinite(r.epsilon) ? r.epsilon.toFixed(2) : "∞"}`]),
    `${r.seconds.toFixed(1)} s`,
  ];
  return parts.join(" · ");
}
