import { VigilArgumentError } from "@vigil/core/errors";
import { fittedColumns } from "../baselines/columns.ts";
import type { RulUnit } from "./rul-units.ts";

/** The constant predictor: the mean of min(RUL, cap) over every training row. */
export function meanCappedRul(units: readonly RulUnit[], cap: number): number {
  let sum = 0;
  let n = 0;
  for (const u of units)
    for (let i = 0; i < u.rul.length; i++) {
      const r = u.rul[i]!;
      if (!Number.isFinite(r)) continue;
      sum += Math.min(r, cap);
      n++;
    }
  if (n === 0)
    throw new VigilArgumentError("meanCappedRul: no finite RUL in the training units", { name: "units" });
  return sum / n;
}

/** Mean of each column over rows [from, to), skipping missing values (NaN when none). */
function windowMeans(columns: readonly Float64Array[], from: number, to: number): number[] {
  return columns.map((x) => {
    let sum = 0;
    let n = 0;
    for (let t = from; t < to; t++)
      if (!Number.isNaN(x[t]!)) {
        sum += x[t]!;
        n++;
      }
    return n === 0 ? Number.NaN : sum / n;
  });
}

/** Solves A·x = b for a small dense symmetric system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/**
 * The linear baseline: least squares of min(RUL, cap) on the per-channel means of the last W rows
 * (plus an intercept), fitted on every full window of the training units. Features are standardised
 * and a tiny ridge term (1e-6 · rows) keeps the normal equations solvable when channels are collinear.
 * Predictions are clipped to [0, cap] like the CNN's.
 */
export class LinearRulBaseline {
  readonly #channels: readonly string[];
  readonly #windowLength: number;
  readonly #cap: number;
  readonly #center: number[];
  readonly #scale: number[];
  readonly #coef: number[];

  constructor(units: readonly RulUnit[], channels: readonly string[], windowLength: number, cap: number) {
    this.#channels = channels;
    this.#windowLength = windowLength;
    this.#cap = cap;
    const rows: number[][] = [];
    const target: number[] = [];
    for (const u of units) {
      const columns = fittedColumns(u.series, channels, "LinearRulBaseline");
      for (let end = windowLength; end <= u.rul.length; end++) {
        const features = windowMeans(columns, end - windowLength, end);
        const r = u.rul[end - 1]!;
        if (!Number.isFinite(r) || features.some(Number.isNaN)) continue;
        rows.push(features);
        target.push(Math.min(r, cap));
      }
    }
    if (rows.length === 0)
      throw new VigilArgumentError(`LinearRulBaseline: no training window of ${windowLength} rows`, {
        name: "units",
      });
    const k = channels.length;
    this.#center = Array.from({ length: k }, (_, c) => rows.reduce((s, r) => s + r[c]!, 0) / rows.length);
    this.#scale = Array.from({ length: k }, (_, c) => {
      const v = rows.reduce((s, r) => s + (r[c]! - this.#center[c]!) ** 2, 0) / rows.length;
      return v > 0 ? Math.sqrt(v) : 1;
    });
    const p = k + 1;
    const ata = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const atb = new Array<number>(p).fill(0);
    rows.forEach((r, i) => {
      const z = this.#design(r);
      for (let a = 0; a < p; a++) {
        atb[a]! += z[a]! * target[i]!;
        for (let b = 0; b < p; b++) ata[a]![b]! += z[a]! * z[b]!;
      }
    });
    for (let a = 1; a < p; a++) ata[a]![a]! += 1e-6 * rows.length;
    this.#coef = solve(ata, atb);
  }

  #design(means: readonly number[]): number[] {
    return [1, ...means.map((m, c) => (m - this.#center[c]!) / this.#scale[c]!)];
  }

  /** Predicted RUL at the last row, from the means of the last min(W, T) rows. */
  predictLast(series: RulUnit["series"]): number {
    const columns = fittedColumns(series, this.#channels, "LinearRulBaseline");
    const steps = series.timestamps.length;
    const z = this.#design(windowMeans(columns, Math.max(0, steps - this.#windowLength), steps));
    const y = z.reduce((s, v, i) => s + v * this.#coef[i]!, 0);
    return Math.min(this.#cap, Math.max(0, y));
  }
}
