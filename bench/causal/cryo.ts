/**
 * Recovering the cryogenic simulator's ground-truth DAG (packages/data/src/simulate) from 10,000 i.i.d. rows
 * with PC-stable Fisher-z (alpha 0.01), centralised and federated over 5 unequal sites (10× volume spread),
 * and with the additive-spline tabu search at its defaults (transform and knots chosen by BIC from the data).
 * SHD is reported against the true DAG and against its CPDAG (what PC can identify at best).
 * Run: node --import tsx bench/causal/cryo.ts
 */
import {
  additiveHillClimb,
  compareGraphs,
  type DataMatrix,
  dagToCpdag,
  federatedPc,
  fisherZTest,
  matrixFromSeries,
  Pdag,
  pc,
  selectRows,
} from "@vigil/causal";
import { cryoObservationalSample } from "@vigil/data/simulate";

const ROWS = 10_000;
const SHARES = [1, 2, 3, 4, 10]; // the largest site holds 10× the smallest

const { series, dag } = cryoObservationalSample({ rows: ROWS, seed: 1 });
const data = matrixFromSeries(series);
const truth = Pdag.fromEdges(
  data.names,
  dag.map((e) => ({ ...e, kind: "directed" as const })),
);
const cpdag = dagToCpdag(truth);

const start = performance.now();
const central = pc(fisherZTest(data), data.names, { alpha: 0.01 });
const centralSeconds = (performance.now() - start) / 1000;

const total = SHARES.reduce((a, b) => a + b, 0);
let offset = 0;
const sites: DataMatrix[] = SHARES.map((share) => {
  const n = Math.round((ROWS * share) / total);
  const rows = Array.from({ length: n }, (_, i) => offset + i);
  offset += n;
  return selectRows(data, rows);
});

const line = (label: string, g: Pdag, extra = ""): void => {
  const vsDag = compareGraphs(g, truth);
  const vsCpdag = compareGraphs(g, cpdag);
  console.log(
    `${label.padEnd(34)} edges ${String(vsDag.predictedEdges).padStart(2)}  TP ${String(vsDag.tp).padStart(2)}  SHD vs DAG ${String(vsDag.shd).padStart(2)}  SHD vs CPDAG ${String(vsCpdag.shd).padStart(2)}  SHD vs central ${compareGraphs(g, central.graph).shd}${extra}`,
  );
};
console.log(
  `cryogenic SCM: ${data.names.length} channels, ${dag.length} true edges, ${ROWS} rows; sites ${sites.map((s) => s.columns[0]?.length).join(", ")}`,
);
line("centralised PC-stable fisherz", central.graph, `  (${centralSeconds.toFixed(3)} s)`);
for (const mode of ["pooled", "weighted"] as const) {
  const fed = federatedPc(sites, { mode, pc: { alpha: 0.01 } });
  line(`federated ${mode}`, fed.graph, `  bytes/site ${fed.bytesPerSite[0]}`);
}
const dp = federatedPc(sites, { mode: "weighted", dp: { epsilon: 1, delta: 1e-5 }, pc: { alpha: 0.01 } });
line("federated weighted + DP (ε=1, δ=1e-5)", dp.graph);

const additiveStart = performance.now();
const additive = additiveHillClimb(data);
line(
  "additive tabu, auto (defaults)",
  additive.graph,
  `  chose transform ${additive.transform}, ${additive.interiorKnots} knots (${((performance.now() - additiveStart) / 1000).toFixed(1)} s)`,
);
