/**
 * Does bagging stabilise the Sachs result? The additive configuration is chosen on all 853 rows by the library's
 * rule (raw or log × knots, by BIC). Then the exact search (the BIC-optimal DAG) runs on B bootstrap resamples
 * with that configuration. An unordered pair is kept when it is an edge in at least half the resamples; it is
 * oriented by its more frequent direction, and pairs are added strongest first, skipping any that would close a
 * cycle. This protocol was fixed before its one run; nothing in it was chosen by looking at the reference graph.
 * Run: nice node --import tsx bench/causal/sachs-bagged.ts [B=100]
 */
import { join } from "node:path";
import { additiveHillClimb, compareGraphs, matrixFromSeries, Pdag } from "@vigil/causal";
import { createRng } from "@vigil/core/random";
import { readSachs, readSachsEdges } from "@vigil/data/datasets";

const DIR = new URL("../../../shared/data/sachs/", import.meta.url).pathname;
const B = Number(process.argv[2] ?? 100);

const raw = matrixFromSeries(readSachs(join(DIR, "sachs_cd3cd28_853.tsv")).series);
const p = raw.names.length;
const n = raw.columns[0]!.length;
const truth = Pdag.fromEdges(
  raw.names,
  readSachsEdges(join(DIR, "ground_truth_edges_17.csv")).map(([from, to]) => ({
    from,
    to,
    kind: "directed" as const,
  })),
);
const fmt = (g: Pdag) => {
  const c = compareGraphs(g, truth);
  return `${c.predictedEdges} edges / ${c.tp} TP / FDR ${c.fdr.toFixed(2)} / SHD ${c.shd}`;
};

const full = additiveHillClimb(raw, { search: "exact" });
console.log(`all rows: the rule chose ${full.transform}, ${full.interiorKnots} knots -> ${fmt(full.graph)}`);

const rng = createRng(0);
const frequency = new Float64Array(p * p);
for (let b = 0; b < B; b++) {
  const rows = Array.from({ length: n }, () => Math.floor(rng.uniform() * n));
  const resample = {
    names: raw.names,
    columns: raw.columns.map((c) => Float64Array.from(rows, (i) => c[i]!)),
  };
  const { graph } = additiveHillClimb(resample, {
    search: "exact",
    transform: full.transform,
    interiorKnots: full.interiorKnots,
  });
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) if (graph.isDirected(i, j)) frequency[i * p + j]! += 1 / B;
  process.stderr.write(`\rbootstrap ${b + 1}/${B}`);
}
process.stderr.write("\n");

const pairs: { from: number; to: number; f: number }[] = [];
for (let i = 0; i < p; i++)
  for (let j = i + 1; j < p; j++) {
    const forward = frequency[i * p + j]!;
    const backward = frequency[j * p + i]!;
    if (forward + backward >= 0.5)
      pairs.push(forward >= backward ? { from: i, to: j, f: forward } : { from: j, to: i, f: backward });
  }
pairs.sort((a, b) => b.f - a.f);
const bagged = new Pdag(raw.names);
const reaches = (from: number, to: number): boolean => {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v === to) return true;
    for (let c = 0; c < p; c++)
      if (!seen.has(c) && bagged.isDirected(v, c)) {
        seen.add(c);
        stack.push(c);
      }
  }
  return false;
};
for (const e of pairs) if (!reaches(e.to, e.from)) bagged.orient(e.from, e.to);
console.log(`bagged over ${B} bootstraps (pair kept in >= half): ${fmt(bagged)}`);
