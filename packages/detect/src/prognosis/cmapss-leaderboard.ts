import { VigilInputError } from "@vigil/core/errors";
import { markdownTableAfter } from "../benchmark/markdown-table.ts";

/** One published result for one subset, as the data set's README gives it. */
export interface PublishedRulRow {
  readonly method: string;
  readonly rmse: number;
  /** Undefined where the README gives only the RMSE. */
  readonly phmScore: number | undefined;
  /** The README's status column without its parenthesised notes (e.g. "UNVERIFIED"). */
  readonly status: string;
}

const number = (text: string) => Number(text.replace(/[*,\s]/g, ""));

/**
 * The rows of the "Published reference figures" table of shared/data/cmapss/README.md for one
 * subset (columns: method | FD001 | FD002 | FD003 | FD004 | status; cells "RMSE / score", "RMSE"
 * or "–"). Methods without a figure for the subset are left out.
 */
export function parseCmapssLeaderboard(readme: string, subset: string, source: string): PublishedRulRow[] {
  const table = markdownTableAfter(readme, "Published reference figures", source);
  const column = table.header.indexOf(subset);
  const statusColumn = table.header.indexOf("status");
  if (column < 0 || statusColumn < 0)
    throw new VigilInputError(`expected columns "${subset}" and "status" in the published table`, { source });
  const rows: PublishedRulRow[] = [];
  for (const cells of table.rows) {
    const cell = cells[column] ?? "";
    if (!/\d/.test(cell)) continue;
    const [rmseText, scoreText] = cell.split("/");
    const rmse = number(rmseText!);
    const phmScore = scoreText === undefined ? undefined : number(scoreText);
    if (!Number.isFinite(rmse) || (phmScore !== undefined && !Number.isFinite(phmScore)))
      throw new VigilInputError(`expected "RMSE / score" or "RMSE" for ${cells[0]} but found "${cell}"`, {
        source,
        column: subset,
      });
    rows.push({
      method: cells[0]!,
      rmse,
      phmScore,
      status: (cells[statusColumn] ?? "").replace(/\s*\([^)]*\)/g, "").trim(),
    });
  }
  return rows;
}
