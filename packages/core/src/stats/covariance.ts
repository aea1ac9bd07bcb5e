import { VigilArgumentError } from "../errors/index.ts";

/**
 * Sample covariance matrix (ddof = 1) of equally long columns, over the rows where every column is
 * present (listwise deletion keeps the matrix positive semi-definite, which pairwise deletion does not).
 * Returns one Float64Array row per column; NaN everywhere when fewer than two complete rows exist.
 */
export function covarianceMatrix(columns: readonly ArrayLike<number>[]): Float64Array[] {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  for (const [c, column] of columns.entries()) {
    if (column.length !== n) {
      throw new VigilArgumentError(
        `Expected columns of equal length ${n} but column ${c} has ${column.length}`,
      );
    }
  }
  const complete: number[] = [];
  for (let i = 0; i < n; i++) if (columns.every((column) => !Number.isNaN(column[i]!))) complete.push(i);
  const means = columns.map((column) => complete.reduce((s, i) => s + column[i]!, 0) / complete.length);
  const out = Array.from({ length: k }, () => new Float64Array(k).fill(Number.NaN));
  if (complete.length < 2) return out;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const [ca, cb, ma, mb] = [columns[a]!, columns[b]!, means[a]!, means[b]!];
      let sum = 0;
      for (const i of complete) sum += (ca[i]! - ma) * (cb[i]! - mb);
      const cov = sum / (complete.length - 1);
      out[a]![b] = cov;
      out[b]![a] = cov;
    }
  }
  return out;
}

/** Pearson correlation matrix over complete rows; entries involving a constant column are NaN. */
export function correlationMatrix(columns: readonly ArrayLike<number>[]): Float64Array[] {
  const cov = covarianceMatrix(columns);
  const sd = cov.map((row, i) => Math.sqrt(row[i]!));
  return cov.map((row, a) =>
    row.map((value, b) => {
      const denominator = sd[a]! * sd[b]!;
      return denominator > 0 ? value / denominator : Number.NaN;
    }),
  );
}
