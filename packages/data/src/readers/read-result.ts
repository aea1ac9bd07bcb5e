import type { VigilInputError } from "@vigil/core/errors";
import type { Series } from "@vigil/core/series";

/** What every reader returns: the series plus an account of everything that was not read into it. */
export interface ReadResult {
  readonly series: Series;
  readonly source: string;
  /** Malformed rows skipped under `onError: "skip"` (always 0 under "fail"). */
  readonly skippedRows: number;
  /** The first (at most 100) skipped rows' errors, with line and column. */
  readonly errors: readonly VigilInputError[];
  /** Columns or fields that were not numeric and therefore not turned into channels. */
  readonly ignoredColumns: readonly string[];
}
