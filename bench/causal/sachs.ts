/**
 * Sachs et al. (2005) against the 17-edge bnlearn reference graph: the 853-row observational set and the
 * 7,466-row multi-condition set, both log-transformed, beside published results on the 853 rows.
 * One documented configuration, fixed before looking at scores: PC-stable, Fisher-z, alpha = 0.01 (a
 * conventional level), no background knowledge; "pc-hc" additionally re-orients the PC skeleton by Gaussian-BIC
 * hill climbing restricted to it (Max-Min Hill Climbing style). Seconds are medians of RUNS runs.
 * Run: node --import tsx bench/causal/sachs.ts [--cmiknn]   (CMIknn PC on 853 rows takes minutes)
 */
import { join } from "node:path";
import {
  cmiKnnTest,
  compareGraphs,
  type DataMatrix,
  fisherZTest,
  logTransform,
  matrixFromSeries,
  Pdag,
  pc,
  pcHillClimb,
} from "@vigil/causal";
import { readSachs, readSachsEdges, SACHS_PUBLISHED } from "@vigil/data/datasets";

const DIR = new URL("../../../shared/data/sachs/", import.meta.url).pathname;
const RUNS = 5;
const ALPHA = 0.01;

const truthEdges = readSachsEdges(join(DIR, "ground_truth_edges_17.csv"));

const methods: Record<string, (d: DataMatrix) => Pdag> = {
  "pc fisherz": (d) => pc(fisherZTest(d), d.names, { alpha: ALPHA }).graph,
  "pc-hc fisherz+BIC": (d) => pcHillClimb(d, { alpha: ALPHA }).graph,
};
if (process.argv.includes("--cmiknn")) {
  methods["pc cmiknn"] = (d) =>
    pc(cmiKnnTest(d, { permutations: 199, seed: 0 }), d.names, { alpha: ALPHA }).graph;
}

const row = (
  method: string,
  edges: number | string,
  tp: number | string,
  fdr: string,
  shd: number,
  seconds: string,
): string =>
  `  ${method.padEnd(34)} ${String(edges).padStart(5)} ${String(tp).padStart(4)} ${fdr.padStart(6)} ${String(shd).padStart(4)} ${seconds.padStart(9)}`;

for (const file of ["sachs_cd3cd28_853.tsv", "sachs_combined_7466.csv"]) {
  const data = logTransform(matrixFromSeries(readSachs(join(DIR, file)).series));
  const truth = Pdag.fromEdges(
    data.names,
    truthEdges.map(([from, to]) => ({ from, to, kind: "directed" as const })),
  );
  console.log(`\n${file}: ${data.columns[0]?.length} rows, log-transformed, vs 17-edge graph`);
  console.log(row("method", "edges", "TP", "FDR", 0, "seconds").replace(/ 0 /, "SHD "));
  for (const [name, run] of Object.entries(methods)) {
    if (name === "pc cmiknn" && !file.includes("853")) continue;
    const times: number[] = [];
    let graph: Pdag | undefined;
    for (let r = 0; r < (name === "pc cmiknn" ? 1 : RUNS); r++) {
      const start = performance.now();
      graph = run(data);
      times.push((performance.now() - start) / 1000);
    }
    const c = compareGraphs(graph as Pdag, truth);
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
    console.log(row(`vigil ${name}`, c.predictedEdges, c.tp, c.fdr.toFixed(2), c.shd, median.toFixed(4)));
  }
  console.log(row("empty graph", 0, 0, "-", 17, "-"));
  if (file.includes("853"))
    for (const p of SACHS_PUBLISHED)
      console.log(row(`${p.method} (${p.source})`, p.edges ?? "-", p.tp ?? "-", "-", p.shd, "-"));
}
