/**
 * CMIknn neighbour search: kd-trees with bounding boxes (Vigil's default) vs the O(n²) brute-force scans, on
 * the same battery of conditional-independence tests (|S| = 0, 1, 2) over a nonlinear 5-variable SCM. Each
 * trial runs in a fresh process; medians of TRIALS runs and the ratio; the p-values must agree exactly.
 * Run: nice node --import tsx bench/causal/cmi-knn-speed.ts [trials] [rows]
 */
import { cmiKnnTest } from "@vigil/causal";
import { createRng } from "@vigil/core/random";
import { median, trialInFreshProcess } from "./fresh-process.ts";

const PERMUTATIONS = 50;
const BATTERY: readonly (readonly [number, number, readonly number[]])[] = [
  [0, 1, []],
  [0, 2, [1]],
  [1, 3, [2]],
  [0, 4, [1, 3]],
  [2, 4, [0, 3]],
];

function scm(n: number) {
  const rng = createRng(12);
  const a = Float64Array.from({ length: n }, () => rng.normal());
  const b = a.map((v) => v * v + 0.5 * rng.normal());
  const c = b.map((v) => Math.sin(v) + 0.5 * rng.normal());
  const d = c.map((v, i) => Math.tanh(v) + 0.3 * (a[i] as number) + 0.5 * rng.normal());
  const e = d.map((v) => Math.abs(v) + 0.5 * rng.normal());
  return { names: ["a", "b", "c", "d", "e"], columns: [a, b, c, d, e] };
}

function trial(kind: "kdtree" | "brute", n: number): void {
  const data = scm(n);
  const start = performance.now();
  const test = cmiKnnTest(data, { permutations: PERMUTATIONS, seed: 1, neighbourSearch: kind });
  const pValues = BATTERY.map(([x, y, s]) => test.test(x, y, s).pValue);
  console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, pValues }));
}

if (process.argv[2] === "--trial") trial(process.argv[3] as "kdtree" | "brute", Number(process.argv[4]));
else {
  const trials = Number(process.argv[2] ?? 3);
  const n = Number(process.argv[3] ?? 1000);
  const runs: Record<string, { seconds: number; pValues: number[] }[]> = { kdtree: [], brute: [] };
  for (let t = 0; t < trials; t++) {
    for (const kind of ["kdtree", "brute"]) {
      runs[kind]?.push(trialInFreshProcess(import.meta.url, [kind, String(n)]));
      console.error(`trial ${t + 1}/${trials} ${kind}: ${runs[kind]?.at(-1)?.seconds.toFixed(2)} s`);
    }
  }
  const kd = median(runs.kdtree?.map((r) => r.seconds) ?? []);
  const brute = median(runs.brute?.map((r) => r.seconds) ?? []);
  const same = JSON.stringify(runs.kdtree?.[0]?.pValues) === JSON.stringify(runs.brute?.[0]?.pValues);
  console.log(`CMIknn, ${BATTERY.length} tests (|S| ≤ 2), ${n} rows, ${PERMUTATIONS} permutations each`);
  console.log(`  kd-tree:     median ${kd.toFixed(2)} s over ${trials}`);
  console.log(`  brute force: median ${brute.toFixed(2)} s over ${trials}  (identical p-values: ${same})`);
  console.log(`  speed-up ${(brute / kd).toFixed(1)}×`);
}
