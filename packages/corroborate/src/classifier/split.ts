import { expectNumber, expectOneOf } from "@vigil/core";

/**
 * Train/test split of n examples in time order: "random" (seeded shuffle) or "time" (the latest
 * testFraction become the test set — Appendix E's drift check).
 */
export function splitExamples(
  n: number,
  kind: "random" | "time",
  testFraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  expectOneOf("split", kind, ["random", "time"]);
  expectNumber("testFraction", testFraction, 0, 1);
  const order = Array.from({ length: n }, (_, i) => i);
  if (kind === "random") {
    let s = seed >>> 0 || 1;
    for (let i = n - 1; i > 0; i--) {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const j = (s >>> 0) % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const testCount = Math.round(n * testFraction);
  return {
    train: order.slice(0, n - testCount).sort((a, b) => a - b),
    test: order.slice(n - testCount).sort((a, b) => a - b),
  };
}
