/**
 * PC-stable with CMIknn on a nonlinear 6-variable SCM: the straightforward configuration (brute-force O(n²)
 * neighbour scans, one thread) against kd-tree neighbour search in one thread and over 2 worker threads.
 * All three must return the same graph and test count. Each trial runs in a fresh process; medians of TRIALS
 * runs and ratios to the straightforward one. On a machine shared with other jobs the thread speed-up is
 * bounded by the free cores: read it beside `uptime`'s load.
 * Run: nice node --import tsx bench/causal/pc-cmiknn.ts [trials=3] [rows=400]
 */
import { loadavg } from "node:os";
import { type DataMatrix, formatEdges, pcParallel } from "@vigil/causal";
import { createRng } from "@vigil/core/random";
import { median, trialInFreshProcess } from "./fresh-process.ts";

const PERMUTATIONS = 49;
const ALPHA = 0.05;
const CONFIGS = {
  "brute, 1 thread": { neighbourSearch: "brute", workers: 0 },
  "kd-tree, 1 thread": { neighbourSearch: "kdtree", workers: 0 },
  "kd-tree, 2 workers": { neighbourSearch: "kdtree", workers: 2 },
} as const;
type Config = keyof typeof CONFIGS;

/** a → b → d ← c, b → e, d → f, all links nonlinear. */
function scm(n: number): DataMatrix {
  const rng = createRng(31);
  const a = Float64Array.from({ length: n }, () => rng.normal());
  const c = Float64Array.from({ length: n }, () => rng.normal());
  const b = a.map((v) => v * v + 0.4 * rng.normal());
  const d = b.map((v, i) => Math.sin(v) + Math.tanh(2 * (c[i] as number)) + 0.4 * rng.normal());
  const e = b.map((v) => Math.abs(v) + 0.4 * rng.normal());
  const f = d.map((v) => Math.exp(v / 2) + 0.4 * rng.normal());
  return { names: ["a", "b", "c", "d", "e", "f"], columns: [a, b, c, d, e, f] };
}

async function trial(config: Config, n: number): Promise<void> {
  const data = scm(n);
  const { neighbourSearch, workers } = CONFIGS[config];
  const start = performance.now();
  const result = await pcParallel(data, {
    test: "cmiknn",
    cmi: { permutations: PERMUTATIONS, seed: 0, neighbourSearch },
    alpha: ALPHA,
    workers,
  });
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, tests: result.testsRun, graph: formatEdges(result.edges) }));
}

if (process.argv[2] === "--trial") await trial(process.argv[3] as Config, Number(process.argv[4]));
else {
  const trials = Number(process.argv[2] ?? 3);
  const n = Number(process.argv[3] ?? 400);
  const runs = new Map<Config, { seconds: number; tests: number; graph: string }[]>();
  for (let t = 0; t < trials; t++) {
    for (const config of Object.keys(CONFIGS) as Config[]) {
      const list = runs.get(config) ?? [];
      list.push(trialInFreshProcess(import.meta.url, [config, String(n)]));
      runs.set(config, list);
      console.error(`trial ${t + 1}/${trials} ${config}: ${list.at(-1)?.seconds.toFixed(2)} s`);
    }
  }
  const base = runs.get("brute, 1 thread") ?? [];
  const baseline = median(base.map((r) => r.seconds));
  console.log(
    `PC-stable CMIknn (${PERMUTATIONS} permutations, alpha ${ALPHA}), 6 variables × ${n} rows, ${base[0]?.tests} tests; load average ${loadavg()[0]?.toFixed(1)}`,
  );
  for (const [config, list] of runs) {
    const m = median(list.map((r) => r.seconds));
    const same = list[0]?.graph === base[0]?.graph && list[0]?.tests === base[0]?.tests;
    console.log(
      `  ${config.padEnd(20)} median ${m.toFixed(2)} s over ${trials}  ×${(baseline / m).toFixed(2)} vs brute  (same graph and tests: ${same})`,
    );
  }
}
