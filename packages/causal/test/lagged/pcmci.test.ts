import assert from "node:assert/strict";
import { test } from "node:test";
import { lagMatrix, pcmci } from "@vigil/causal/lagged";
import { createRng } from "@vigil/core/random";

/** X(t) = 0.6 X(t−1); Y(t) = 0.5 Y(t−1) + 0.7 X(t−2); Z(t) = 0.4 Z(t−1) − 0.6 Y(t−1); W independent noise. */
function varProcess(n: number, seed: number): { names: string[]; columns: Float64Array[] } {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  const w = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const at = (a: Float64Array, lag: number): number => (t - lag >= 0 ? (a[t - lag] as number) : 0);
    x[t] = 0.6 * at(x, 1) + rng.normal();
    y[t] = 0.5 * at(y, 1) + 0.7 * at(x, 2) + rng.normal();
    z[t] = 0.4 * at(z, 1) - 0.6 * at(y, 1) + rng.normal();
    w[t] = rng.normal();
  }
  return { names: ["X", "Y", "Z", "W"], columns: [x, y, z, w] };
}

test("lagMatrix aligns X(t − τ) with X(t)", () => {
  const m = lagMatrix({ names: ["a"], columns: [Float64Array.from([1, 2, 3, 4, 5])] }, 2);
  assert.deepEqual(m.names, ["a", "a(t-1)", "a(t-2)"]);
  assert.deepEqual([...(m.columns[0] as Float64Array)], [3, 4, 5]);
  assert.deepEqual([...(m.columns[2] as Float64Array)], [1, 2, 3]);
});

test("PCMCI recovers exactly the lagged links of a VAR process, delays included", () => {
  const result = pcmci(varProcess(1500, 3), { maxLag: 3 });
  const found = result.links.map((l) => `${l.from}(t-${l.lag})->${l.to}`).sort();
  assert.deepEqual(found, ["X(t-1)->X", "X(t-2)->Y", "Y(t-1)->Y", "Y(t-1)->Z", "Z(t-1)->Z"]);
  assert.ok(result.parents.Y?.includes("X(t-2)"));
});
