/**
 * A conjugate observation model for BOCPD. Posterior parameters of every run-length hypothesis live in
 * one flat Float64Array (`size` slots per hypothesis) so the recursion allocates nothing per step.
 */
export interface ConjugateModel {
  /** Parameter slots per run-length hypothesis. */
  readonly size: number;
  /** Writes the prior's parameters at `at`. */
  writePrior(params: Float64Array, at: number): void;
  /** log p(x | parameters at `at`): the posterior predictive density (or mass). */
  logPredictive(params: Float64Array, at: number, x: number): number;
  /** Writes the posterior after observing x, from the parameters at (from, at) into (to, toAt). */
  update(from: Float64Array, at: number, x: number, to: Float64Array, toAt: number): void;
}
