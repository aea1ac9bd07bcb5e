/**
 * Cross-check of the additive search's automatic configuration (BIC over raw / log × knots) by 10-fold
 * cross-validation on the Sachs data, without the reference graph: for each configuration, the DAG the search
 * finds on all rows is refitted on nine folds (least squares on the same spline columns) and scored by the
 * Gaussian log-likelihood of the held-out fold, summed over nodes and folds, on the raw scale (log models pay
 * −Σ log x of the held-out rows, their Jacobian). Caveat: the DAG and the spline knots / centring come from
 * all rows (the knots use only each variable's marginal quantiles), so only the coefficients and σ² are held
 * out — a check of the likelihood comparison, not a nested CV of the whole search.
 * Run: nice node --import tsx bench/causal/sachs-cv.ts
 */
import { join } from "node:path";
import {
  additiveHillClimb,
  autoKnotCandidates,
  centredSplineBasis,
  type DataMatrix,
  logTransform,
  matrixFromSeries,
  rowCount,
} from "@vigil/causal";
import { readSachs } from "@vigil/data/datasets";
import { Matrix, solve } from "ml-matrix";

const DIR = new URL("../../../shared/data/sachs/", import.meta.url).pathname;
const FOLDS = 10;

/** Least-squares weights from the normal equations A w = b (A is m×m row-major), with a tiny ridge so collinear bases stay solvable. */
function solveNormalEquations(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const g = new Matrix(m, m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++)
      g.set(i, k, a[i * m + k]! * (i === k ? 1 + 1e-10 : 1) + (i === k ? 1e-12 : 0));
  return Float64Array.from(solve(g, Matrix.columnVector(Array.from(b))).getColumn(0));
}

/** Held-out Gaussian log-likelihood of `data` under the additive DAG found with `knots`. */
function heldOut(data: DataMatrix, knots: number): number {
  const n = rowCount(data);
  const graph = additiveHillClimb(data, { interiorKnots: knots, transform: "none" }).graph;
  const bases = data.columns.map((c) => centredSplineBasis(c, knots));
  let total = 0;
  data.names.forEach((name, j) => {
    const parents = graph.edges().filter((e) => e.to === name);
    const columns = [
      new Float64Array(n).fill(1),
      ...parents.flatMap((e) => bases[data.names.indexOf(e.from)] as Float64Array[]),
    ];
    const m = columns.length;
    const y = data.columns[j] as Float64Array;
    for (let f = 0; f < FOLDS; f++) {
      const gram = new Float64Array(m * m);
      const cross = new Float64Array(m);
      for (let i = 0; i < n; i++) {
        if (i % FOLDS === f) continue;
        for (let u = 0; u < m; u++) {
          const xu = (columns[u] as Float64Array)[i] as number;
          cross[u] = (cross[u] as number) + xu * (y[i] as number);
          for (let v = 0; v < m; v++)
            gram[u * m + v] = (gram[u * m + v] as number) + xu * ((columns[v] as Float64Array)[i] as number);
        }
      }
      const w = solveNormalEquations(gram, cross, m);
      const residual = (i: number): number =>
        (y[i] as number) - columns.reduce((s, c, u) => s + (w[u] as number) * (c[i] as number), 0);
      let rss = 0;
      let trained = 0;
      for (let i = 0; i < n; i++)
        if (i % FOLDS !== f) {
          rss += residual(i) ** 2;
          trained++;
        }
      const variance = rss / trained;
      for (let i = f; i < n; i += FOLDS)
        total += -0.5 * Math.log(2 * Math.PI * variance) - residual(i) ** 2 / (2 * variance);
    }
  });
  return total;
}

for (const file of ["sachs_cd3cd28_853.tsv", "sachs_combined_7466.csv"]) {
  const raw = matrixFromSeries(readSachs(join(DIR, file)).series);
  const logged = logTransform(raw);
  const n = rowCount(raw);
  let jacobian = 0;
  for (const c of raw.columns) for (const v of c) jacobian += Math.log(v);
  console.log(`\n${file}: ${n} rows; ${FOLDS}-fold held-out log-likelihood on the raw scale, by knots`);
  let best = { score: -Infinity, label: "" };
  for (const [transform, data, shift] of [
    ["none", raw, 0],
    ["log", logged, -jacobian],
  ] as const) {
    const cells: string[] = [];
    for (const k of autoKnotCandidates(n)) {
      const score = heldOut(data, k) + shift;
      cells.push(`${k}:${score.toFixed(0)}`);
      if (score > best.score) best = { score, label: `transform ${transform}, ${k} knots` };
    }
    console.log(`  ${transform.padEnd(5)} ${cells.join("  ")}`);
  }
  const bic = additiveHillClimb(raw);
  console.log(
    `  CV picks ${best.label}; the BIC rule picks transform ${bic.transform}, ${bic.interiorKnots} knots`,
  );
}
