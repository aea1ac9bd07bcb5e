/** Spellings of a missing value accepted in numeric text cells (besides the empty cell). */
const MISSING = new Set(["na", "nan", "n/a", "null", "none", "-", "?"]);

/**
 * Text cell → number: NaN for a missing value, 1 / 0 for true / false, undefined when the cell is
 * not numeric (the caller reports it). `decimalComma` reads "3,14" as 3.14.
 */
export function parseNumericCell(cell: string, decimalComma: boolean): number | undefined {
  const text = decimalComma ? cell.replace(",", ".") : cell;
  const value = Number(text);
  // Number("") and Number("  ") are 0, so a blank cell must be caught before trusting the value.
  if (!Number.isNaN(value) && (value !== 0 || text.trim() !== "")) return value;
  const lower = text.trim().toLowerCase();
  if (lower === "" || MISSING.has(lower)) return Number.NaN;
  if (lower === "true") return 1;
  if (lower === "false") return 0;
  return undefined;
}
