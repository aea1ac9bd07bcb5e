/** Outcome of one conditional-independence test of X ⟂ Y | S. */
export interface CITestResult {
  readonly pValue: number;
  /** Test statistic; larger means stronger dependence (used to rank conditions in PCMCI). */
  readonly statistic: number;
}

/** A conditional-independence test over variables 0..variables−1. Implementations must be symmetric in x and y. */
export interface CITest {
  readonly name: string;
  readonly variables: number;
  /** Smallest p-value the test can return (permutation tests), when above 0. */
  readonly minPValue?: number;
  test(x: number, y: number, conditioning: readonly number[]): CITestResult;
}

/** Order-free cache key: the pair sorted, the conditioning set sorted. */
export function testKey(x: number, y: number, conditioning: readonly number[]): string {
  const s = [...conditioning].sort((a, b) => a - b).join(",");
  return x < y ? `${x},${y}|${s}` : `${y},${x}|${s}`;
}

/** Wraps a test with a memo so PC's repeated (x, y, S) and (y, x, S) queries cost one computation. */
export function cached(test: CITest): CITest & { readonly computed: () => number } {
  const memo = new Map<string, CITestResult>();
  return {
    name: test.name,
    variables: test.variables,
    ...(test.minPValue === undefined ? {} : { minPValue: test.minPValue }),
    computed: () => memo.size,
    test(x, y, conditioning) {
      const key = testKey(x, y, conditioning);
      let result = memo.get(key);
      if (result === undefined) {
        result = test.test(x, y, conditioning);
        memo.set(key, result);
      }
      return result;
    },
  };
}
