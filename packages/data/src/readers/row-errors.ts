import type { VigilInputError } from "@vigil/core/errors";

/** What a reader does with a malformed row: stop with the error, or skip it and count it. */
export type OnError = "fail" | "skip";
export const ON_ERROR_POLICIES: readonly OnError[] = ["fail", "skip"];

/** How many skipped-row errors are kept verbatim; the count is always exact. */
const MAX_SAMPLES = 100;

/**
 * Applies the caller's policy to malformed rows so no row disappears unaccounted: under "fail" the
 * error is thrown, under "skip" it is counted and the first errors are kept for the report.
 */
export class RowErrorLog {
  readonly #policy: OnError;
  #skipped = 0;
  readonly #samples: VigilInputError[] = [];

  constructor(policy: OnError) {
    this.#policy = policy;
  }

  reject(error: VigilInputError): void {
    if (this.#policy === "fail") throw error;
    this.#skipped++;
    if (this.#samples.length < MAX_SAMPLES) this.#samples.push(error);
  }

  get skipped(): number {
    return this.#skipped;
  }

  /** The first skipped rows' errors (at most 100). */
  get samples(): readonly VigilInputError[] {
    return this.#samples;
  }
}
