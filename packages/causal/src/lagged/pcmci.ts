import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";
import { fisherZTest } from "../citest/fisher-z.ts";
import type { CITest } from "../citest/types.ts";
import type { DataMatrix } from "../data/matrix.ts";
import { validateMatrix } from "../data/matrix.ts";
import { lagMatrix } from "./lag-matrix.ts";

export interface PcmciOptions {
  readonly maxLag: number;
  /** Significance level of the PC1 condition-selection phase (lenient on purpose, Runge et al. use 0.05–0.2). */
  readonly pcAlpha: number;
  /** Significance level of the final MCI tests. */
  readonly alpha: number;
  /** Builds the CI test over the lagged design (default Fisher-z). */
  readonly createTest: (lagged: DataMatrix) => CITest;
  readonly onProgress: ((target: string, parents: number) => void) | undefined;
}

export const PCMCI_DEFAULTS: PcmciOptions = {
  maxLag: 3,
  pcAlpha: 0.2,
  alpha: 0.01,
  createTest: fisherZTest,
  onProgress: undefined,
};

/** A lagged causal link from(t − lag) → to(t). */
export interface LaggedLink {
  readonly from: string;
  readonly to: string;
  readonly lag: number;
  readonly pValue: number;
  readonly statistic: number;
}

export interface PcmciResult {
  readonly links: readonly LaggedLink[];
  /** PC1-selected lagged parents of each variable, as "name(t-τ)". */
  readonly parents: Readonly<Record<string, readonly string[]>>;
}

interface Candidate {
  readonly column: number;
  strength: number;
}

/**
 * PCMCI (Runge et al., Science Advances 2019) for lagged links τ = 1..maxLag: PC1 keeps, per target, the
 * past variables not made independent by its strongest current parents; then the momentary conditional
 * independence test of X_i(t−τ) → X_j(t) conditions on the parents of X_j(t) and the (shifted) parents of
 * X_i(t−τ), which controls false positives from autocorrelation.
 */
export function pcmci(data: DataMatrix, options?: Partial<PcmciOptions>): PcmciResult {
  const o = withDefaults("pcmci options", PCMCI_DEFAULTS, options);
  expectInteger("maxLag", o.maxLag, 1);
  expectNumber("pcAlpha", o.pcAlpha, 0, 1);
  expectNumber("alpha", o.alpha, 0, 1);
  validateMatrix(data);
  const p = data.columns.length;
  // lags up to 2·maxLag so that the parents of X_i(t − τ) exist in the design
  const lagged = lagMatrix(data, 2 * o.maxLag);
  const test = o.createTest(lagged);
  const parents = Array.from({ length: p }, (_, j) => pc1(test, j, p, o.maxLag, o.pcAlpha));
  parents.forEach((ps, j) => {
    o.onProgress?.(data.names[j] as string, ps.length);
  });
  const links: LaggedLink[] = [];
  for (let j = 0; j < p; j++) {
    for (let lag = 1; lag <= o.maxLag; lag++) {
      for (let i = 0; i < p; i++) {
        const column = lag * p + i;
        const shifted = (parents[i] as number[]).map((c) => c + lag * p);
        const conditioning = [
          ...new Set([...(parents[j] as number[]).filter((c) => c !== column), ...shifted]),
        ];
        const r = test.test(column, j, conditioning);
        if (r.pValue <= o.alpha) {
          links.push({
            from: data.names[i] as string,
            to: data.names[j] as string,
            lag,
            pValue: r.pValue,
            statistic: r.statistic,
          });
        }
      }
    }
  }
  const named = Object.fromEntries(
    data.names.map((name, j) => [name, (parents[j] as number[]).map((c) => lagged.names[c] as string)]),
  );
  return { links, parents: named };
}

/** PC1 condition selection for target column j: conditions are the strongest current parents, one more per round. */
function pc1(test: CITest, j: number, p: number, maxLag: number, alpha: number): number[] {
  let current: Candidate[] = [];
  for (let lag = 1; lag <= maxLag; lag++)
    for (let i = 0; i < p; i++) current.push({ column: lag * p + i, strength: Infinity });
  for (let size = 0; size < current.length; size++) {
    const kept: Candidate[] = [];
    for (const c of current) {
      const conditioning = current
        .filter((d) => d !== c)
        .slice(0, size)
        .map((d) => d.column);
      const r = test.test(c.column, j, conditioning);
      c.strength = Math.min(c.strength, r.statistic);
      if (r.pValue <= alpha) kept.push(c);
    }
    current = kept.sort((a, b) => b.strength - a.strength || a.column - b.column);
  }
  return current.map((c) => c.column);
}
