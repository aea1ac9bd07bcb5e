/**
 * PC-stable with Fisher-z on 50 variables × 10,000 rows of a random linear-Gaussian SEM:
 * Vigil's correlation-matrix test (Cholesky on R_SS, cached) vs re-solving the regressions from raw rows
 * per test (naive-fisher-z.ts). Each trial runs in a fresh process; medians of TRIALS runs and the ratio.
 * Run: node --import tsx bench/causal/pc-speed.ts [trials]
 */
import {
  compareGraphs,
  dagToCpdag,
  fisherZTest,
  pc,
  randomLinearSem,
  sampleLinearSem,
  semDag,
} from "@vigil/causal";
import { median, trialInFreshProcess } from "./fresh-process.ts";
import { naiveFisherZ } from "./naive-fisher-z.ts";

const P = 50;
const N = 10_000;

function trial(kind: string): void {
  const sem = randomLinearSem({ variables: P, expectedDegree: 2, seed: 50 });
  const data = sampleLinearSem(sem, N, 50);
  const start = performance.now();
  const test = kind === "vigil" ? fisherZTest(data) : naiveFisherZ(data);
  const result = pc(test, data.names, { alpha: 0.01 });
  const seconds = (performance.now() - start) / 1000;
  const shd = compareGraphs(result.graph, dagToCpdag(semDag(sem))).shd;
  console.log(JSON.stringify({ seconds, tests: result.testsRun, shd, edges: result.edges.length }));
}

if (process.argv[2] === "--trial") trial(process.argv[3] as string);
else {
  const trials = Number(process.argv[2] ?? 3);
  const runs: Record<string, { seconds: number; tests: number; shd: number; edges: number }[]> = {
    vigil: [],
    naive: [],
  };
  for (let t = 0; t < trials; t++) {
    for (const kind of ["vigil", "naive"]) {
      runs[kind]?.push(trialInFreshProcess(import.meta.url, [kind]));
      console.error(`trial ${t + 1}/${trials} ${kind}: ${runs[kind]?.at(-1)?.seconds.toFixed(2)} s`);
    }
  }
  const v = median(runs.vigil?.map((r) => r.seconds) ?? []);
  const b = median(runs.naive?.map((r) => r.seconds) ?? []);
  const first = runs.vigil?.[0];
  console.log(
    `PC-stable Fisher-z, ${P} variables × ${N} rows, ${first?.tests} tests, ${first?.edges} edges, SHD to true CPDAG ${first?.shd}`,
  );
  console.log(`  vigil (correlation matrix + Cholesky, cached): median ${v.toFixed(3)} s over ${trials}`);
  console.log(
    `  naive (regressions from raw rows per test):    median ${b.toFixed(3)} s over ${trials} (same graph: ${runs.naive?.[0]?.shd === first?.shd})`,
  );
  console.log(`  speed-up ${(b / v).toFixed(1)}×`);
}
