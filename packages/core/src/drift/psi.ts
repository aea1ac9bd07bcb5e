import { quantileOfSorted, sortedFinite } from "../threshold/index.ts";
import { expectNumber, expectPositiveInteger, withDefaults } from "../validate/index.ts";
import { expectMatchingDimensions } from "./dimensions.ts";

export interface PsiOptions {
  /** Bins at the reference's quantiles k / bins (tied edges collapse). */
  bins: number;
  /** Floor on a bin's fraction so an empty bin does not make the index infinite. */
  epsilon: number;
}

const DEFAULTS: PsiOptions = { bins: 10, epsilon: 1e-4 };

export interface PsiResult {
  /** Σ (actual − expected) · ln(actual / expected); rule of thumb: < 0.1 stable, > 0.25 shifted. */
  readonly psi: number;
  /** Inner bin edges; bin k holds values in [edges[k−1], edges[k]), the last bin is open above. */
  readonly edges: Float64Array;
  readonly expected: Float64Array;
  readonly actual: Float64Array;
}

function binFractions(sorted: Float64Array, edges: Float64Array, epsilon: number): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  for (const v of sorted) {
    while (bin < edges.length && v >= edges[bin]!) bin++;
    counts[bin]!++;
  }
  return counts.map((c) => Math.max(c / sorted.length, epsilon));
}

/** Population stability index of one channel against its reference, NaN skipped. */
export function psi(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  options?: Partial<PsiOptions>,
): PsiResult {
  const o = withDefaults("psi", DEFAULTS, options);
  const bins = expectPositiveInteger("bins", o.bins);
  expectNumber("epsilon", o.epsilon, Number.MIN_VALUE, 1);
  const ref = sortedFinite("reference", reference);
  const cur = sortedFinite("current", current);
  const edgeList: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = quantileOfSorted(ref, k / bins);
    if (edgeList.length === 0 || e > edgeList[edgeList.length - 1]!) edgeList.push(e);
  }
  const edges = Float64Array.from(edgeList);
  const expected = binFractions(ref, edges, o.epsilon);
  const actual = binFractions(cur, edges, o.epsilon);
  let value = 0;
  for (let k = 0; k < expected.length; k++)
    value += (actual[k]! - expected[k]!) * Math.log(actual[k]! / expected[k]!);
  return { psi: value, edges, expected, actual };
}

/** PSI for every channel: reference and current as one column per channel, in the same order. */
export function psiByChannel(
  reference: readonly ArrayLike<number>[],
  current: readonly ArrayLike<number>[],
  options?: Partial<PsiOptions>,
): Float64Array {
  expectMatchingDimensions(reference, current);
  return Float64Array.from(reference, (ref, c) => psi(ref, current[c]!, options).psi);
}
