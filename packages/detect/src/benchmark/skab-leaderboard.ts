import { VigilInputError } from "@vigil/core/errors";
import { markdownTableAfter, type TextTable } from "./markdown-table.ts";

export interface SkabLeaderboard {
  /** "Algorithm | F1 | FAR, % | MAR, %" as published. */
  readonly outlier: TextTable;
  /** "Algorithm | NAB (standard) | NAB (LowFP) | NAB (LowFN) | Missed CPs | FPs" as published. */
  readonly changepoint: TextTable;
}

const OUTLIER_HEADING = "Current leaderboard — outlier detection";
const CHANGEPOINT_HEADING = "Current leaderboard — changepoint detection";

/**
 * The published SKAB leaderboard (test parts only), read from the data set's README at run time so the figures
 * printed beside ours are the README's own, never copies.
 */
export function parseSkabLeaderboard(readme: string, source = "SKAB README.md"): SkabLeaderboard {
  const outlier = markdownTableAfter(readme, OUTLIER_HEADING, source);
  const changepoint = markdownTableAfter(readme, CHANGEPOINT_HEADING, source);
  if (outlier.header.length !== 4 || changepoint.header.length !== 6) {
    throw new VigilInputError(
      `expected 4 outlier columns and 6 changepoint columns but found ${outlier.header.length} and ${changepoint.header.length}`,
      { source },
    );
  }
  return { outlier, changepoint };
}
