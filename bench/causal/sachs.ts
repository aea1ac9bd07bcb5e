/**
 * Sachs et al. (2005) against the 17-edge bnlearn reference graph: the 853-row observational set and the
 * 7,466-row multi-condition set, beside published results on the 853 rows. Edges, TP, FDR and SHD together.
 *
 * Configurations:
 * - "pc fisherz" / "pc-hc": fixed before looking at any score — log intensities, PC-stable Fisher-z at
 *   alpha 0.01; pc-hc re-orients the PC skeleton by Gaussian-BIC hill climbing restricted to it (MMHC style).
 * - "additive tabu, auto" (the headline row): tabu search (list 10, patience 10) over DAGs maximising the
 *   additive cubic-spline BIC (CAM's model class, Schwarz penalty) with the library defaults
 *   transform "auto" and interiorKnots "auto": the search runs for raw and log intensities × knots
 *   0 … 2⌊n^(1/5)⌋ and keeps the highest BIC on the raw scale (log fits pay their Jacobian −Σ log x).
 *   The rule never sees the reference graph; the bench prints every candidate's BIC and what was chosen.
 * - Below each table, the "post-hoc grid" (knots × raw / log, scored against the reference graph) is the
 *   sensitivity analysis the earlier headline (raw, 2 knots) was picked from by looking at SHD. It is
 *   printed so nothing is hidden; it is not a result.
 * Seconds are medians of RUNS runs.
 * Run: nice node --import tsx bench/causal/sachs.ts [--cmiknn]   (CMIknn PC on 853 rows takes minutes)
 */
import { join } from "node:path";
import {
  type AdditiveHillClimbResult,
  additiveBic,
  additiveHillClimb,
  cmiKnnTest,
  compareGraphs,
  type DataMatrix,
  fisherZTest,
  logJacobian,
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

interface Method {
  readonly log: boolean;
  readonly run: (d: DataMatrix) => Pdag;
  readonly runs?: number;
}

let lastAuto: AdditiveHillClimbResult | undefined;
const methods: Record<string, Method> = {
  "pc fisherz (log)": { log: true, run: (d) => pc(fisherZTest(d), d.names, { alpha: ALPHA }).graph },
  "pc-hc fisherz+BIC (log)": { log: true, run: (d) => pcHillClimb(d, { alpha: ALPHA }).graph },
  // raw intensities go in; the transform is the rule's choice, not the bench's
  "additive tabu, auto (defaults)": {
    log: false,
    run: (d) => {
      lastAuto = additiveHillClimb(d);
      return lastAuto.graph;
    },
  },
};
if (process.argv.includes("--cmiknn")) {
  methods["pc cmiknn (log)"] = {
    log: true,
    runs: 1,
    run: (d) => pc(cmiKnnTest(d, { permutations: 199, seed: 0 }), d.names, { alpha: ALPHA }).graph,
  };
}

const row = (
  method: string,
  edges: number | string,
  tp: number | string,
  fdr: string,
  shd: number | string,
  seconds: string,
): string =>
  `  ${method.padEnd(36)} ${String(edges).padStart(5)} ${String(tp).padStart(4)} ${fdr.padStart(6)} ${String(shd).padStart(4)} ${seconds.padStart(9)}`;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

for (const file of ["sachs_cd3cd28_853.tsv", "sachs_combined_7466.csv"]) {
  const raw = matrixFromSeries(readSachs(join(DIR, file)).series);
  const logged = logTransform(raw);
  const truth = Pdag.fromEdges(
    raw.names,
    truthEdges.map(([from, to]) => ({ from, to, kind: "directed" as const })),
  );
  const score = (g: Pdag) => compareGraphs(g, truth);
  const fmt = (g: Pdag): string => {
    const c = score(g);
    return `${c.predictedEdges}/${c.tp}/${c.fdr.toFixed(2)}/${c.shd}`;
  };
  console.log(`\n${file}: ${raw.columns[0]?.length} rows, vs the 17-edge graph`);
  console.log(row("method", "edges", "TP", "FDR", "SHD", "seconds"));
  for (const [name, method] of Object.entries(methods)) {
    if (name.startsWith("pc cmiknn") && !file.includes("853")) continue;
    const data = method.log ? logged : raw;
    const times: number[] = [];
    let graph: Pdag | undefined;
    for (let r = 0; r < (method.runs ?? RUNS); r++) {
      const start = performance.now();
      graph = method.run(data);
      times.push((performance.now() - start) / 1000);
    }
    const c = score(graph as Pdag);
    console.log(
      row(`vigil ${name}`, c.predictedEdges, c.tp, c.fdr.toFixed(2), c.shd, median(times).toFixed(4)),
    );
  }
  console.log(row("empty graph", 0, 0, "-", 17, "-"));
  if (file.includes("853"))
    for (const p of SACHS_PUBLISHED)
      console.log(row(`${p.method} (${p.source})`, p.edges ?? "-", p.tp ?? "-", "-", p.shd, "-"));

  const auto = lastAuto as AdditiveHillClimbResult;
  console.log(
    `  additive auto rule (data only): chose transform ${auto.transform}, ${auto.interiorKnots} interior knots -> ${fmt(auto.graph)} (edges/TP/FDR/SHD)`,
  );
  // Is the search or the model the limit? The exact optimum of the same criterion, and the reference graph's score.
  const exact = additiveHillClimb(raw, { search: "exact" });
  const chosenData = auto.transform === "log" ? logged : raw;
  const chosenScore = additiveBic(chosenData, { interiorKnots: auto.interiorKnots });
  const referenceBic =
    raw.names.reduce(
      (total, name, j) =>
        total +
        chosenScore.local(
          j,
          truthEdges.filter(([, to]) => to === name).map(([from]) => raw.names.indexOf(from)),
        ),
      0,
    ) - (auto.transform === "log" ? (logJacobian(raw) ?? 0) : 0);
  console.log(
    `  exact search over all DAGs, same rule: chose ${exact.transform}/${exact.interiorKnots}, BIC ${exact.score.toFixed(1)} (tabu ${auto.score.toFixed(1)}) -> ${fmt(exact.graph)}; the reference graph scores ${referenceBic.toFixed(1)} under the chosen model`,
  );
  console.log("  BIC of each candidate on the raw scale (log rows include −Σ log x); edges found:");
  for (const transform of ["none", "log"] as const) {
    const cells = auto.candidates
      .filter((c) => c.transform === transform)
      .map((c) => `${c.interiorKnots}:${c.score.toFixed(0)}/${c.edges}`);
    console.log(`    ${transform.padEnd(5)} ${cells.join("  ")}`);
  }

  console.log(
    "  POST-HOC grid, scored against the reference graph (the earlier headline raw/2 knots was picked from it; not a result):",
  );
  for (const knots of [0, 1, 2, 3, 4, 5, 6] as const) {
    const cells = (["none", "log"] as const).map(
      (transform) =>
        `${transform === "none" ? "raw" : "log"} ${fmt(additiveHillClimb(raw, { interiorKnots: knots, transform }).graph)}`,
    );
    console.log(`    knots ${String(knots).padEnd(3)} ${cells.join("   ")}`);
  }
}
