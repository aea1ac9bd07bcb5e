import { readFileSync, writeFileSync } from "node:fs";
import {
  ADDITIVE_SEARCHES,
  ADDITIVE_TRANSFORMS,
  additiveHillClimb,
  CI_TEST_KINDS,
  compareGraphs,
  createCITest,
  type DataMatrix,
  type Edge,
  formatEdges,
  type GraphComparison,
  logTransform,
  matrixFromSeries,
  Pdag,
  pc,
  pcHillClimb,
  pcParallel,
  toDot,
  toSvg,
} from "@vigil/causal";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, expectNumber, expectOneOf } from "@vigil/core/validate";
import {
  detectSachsKind,
  readSachs,
  readSachsEdges,
  SACHS_PUBLISHED,
  type SachsKind,
} from "@vigil/data/datasets";
import { readSeries } from "@vigil/data/readers";
import type { Command } from "commander";

const METHODS = ["pc", "pc-hc", "additive"] as const;
const TRANSFORMS = ["auto", "none", "log"] as const;

interface DiscoverFlags {
  data: string;
  test: string;
  alpha: string;
  method: string;
  transform: string;
  truth?: string;
  out: string;
  seed: string;
  permutations: string;
  knots: string;
  search: string;
  workers: string;
  json?: boolean;
}

interface Loaded {
  readonly data: DataMatrix;
  readonly sachs: SachsKind | undefined;
}

/** Sachs files are recognised by their header; anything else goes through the generic readers. */
async function load(path: string, transform: string, method: string): Promise<Loaded> {
  const firstLine = readFileSync(path, "utf8").split("\n", 1)[0] ?? "";
  const sachs = detectSachsKind(firstLine);
  const series = sachs === undefined ? (await readSeries(path)).series : readSachs(path).series;
  const raw = matrixFromSeries(series);
  // flow-cytometry intensities are log-normal-ish, which suits the Gaussian tests; the additive search gets
  // the values as given and applies --transform itself (auto: raw vs log by BIC with the log Jacobian);
  // the discretised set is already levels
  const log =
    method !== "additive" &&
    (transform === "log" || (transform === "auto" && (sachs === "observational" || sachs === "combined")));
  return { data: log ? logTransform(raw) : raw, sachs };
}

function readTruth(path: string, names: readonly string[]): Pdag {
  const edges: Edge[] = readSachsEdges(path).map(([from, to]) => ({ from, to, kind: "directed" }));
  return Pdag.fromEdges(names, edges);
}

interface Discovered {
  readonly graph: Pdag;
  /** What the additive search chose when its knots / transform were "auto". */
  readonly chosen?: string;
}

async function discover(data: DataMatrix, flags: DiscoverFlags, alpha: number): Promise<Discovered> {
  const onProgress = (p: { level: number; testsRun: number; edges: number }): void => {
    if (!flags.json) console.error(`  level ${p.level}: ${p.testsRun} tests, ${p.edges} edges left`);
  };
  if (flags.method !== "pc" && flags.test !== "fisherz") {
    throw new VigilArgumentError(
      `--method ${flags.method} is score-based (pc-hc: Fisher-z skeleton + Gaussian BIC; additive: spline BIC) and needs --test fisherz`,
    );
  }
  if (flags.method === "additive") {
    const knots = flags.knots === "auto" ? "auto" : expectInteger("--knots", Number(flags.knots), 0, 100);
    const transform = expectOneOf("--transform", flags.transform, ADDITIVE_TRANSFORMS);
    const search = expectOneOf("--search", flags.search, ADDITIVE_SEARCHES);
    if (!flags.json) console.error(`  ${search} search over DAGs, additive-spline BIC`);
    const result = additiveHillClimb(data, { interiorKnots: knots, transform, search });
    return {
      graph: result.graph,
      chosen: `transform ${result.transform}, ${result.interiorKnots} knots, BIC ${result.score.toFixed(1)}`,
    };
  }
  const workers = expectInteger("--workers", Number(flags.workers), 0, 256);
  const cmi = { seed: Number(flags.seed), permutations: Number(flags.permutations) };
  const learned =
    flags.method === "pc-hc"
      ? pcHillClimb(data, { alpha, onProgress })
      : workers > 0
        ? await (async () => {
            const test = expectOneOf("--test", flags.test, CI_TEST_KINDS);
            const result = await pcParallel(data, { test, cmi, workers, alpha, onProgress });
            return { graph: result.graph, pc: result };
          })()
        : (() => {
            const result = pc(createCITest(flags.test, data, cmi), data.names, { alpha, onProgress });
            return { graph: result.graph, pc: result };
          })();
  for (const c of learned.pc.conflicts)
    console.error(`  conflict ${c.between.join(" <-> ")}: ${c.reasons.join("; ")}`);
  return { graph: learned.graph };
}

function metricsTable(ours: GraphComparison, sachs: SachsKind | undefined, label: string): string {
  const row = (
    method: string,
    edges: number | string | undefined,
    tp: number | string | undefined,
    shd: number | string,
  ): string =>
    `  ${method.padEnd(32)} ${String(edges ?? "-").padStart(5)} ${String(tp ?? "-").padStart(4)} ${String(shd).padStart(4)}`;
  const lines = [
    `SHD ${ours.shd}  TP ${ours.tp}  FDR ${ours.fdr.toFixed(3)}  edges ${ours.predictedEdges}  reversed ${ours.reversed}  missing ${ours.missing}  extra ${ours.extra}  unoriented ${ours.unoriented}`,
    `skeleton precision ${ours.skeletonPrecision.toFixed(3)}  recall ${ours.skeletonRecall.toFixed(3)}  F1 ${ours.skeletonF1.toFixed(3)}`,
  ];
  if (sachs === "observational") {
    lines.push(
      "Sachs n = 853 vs published (edges / TP / SHD, 17-edge graph):",
      row("method", "edges", "TP", "SHD"),
    );
    lines.push(row(`vigil ${label}`, ours.predictedEdges, ours.tp, ours.shd));
    for (const p of SACHS_PUBLISHED) lines.push(row(`${p.method} (${p.source})`, p.edges, p.tp, p.shd));
  }
  return lines.join("\n");
}

async function runDiscover(flags: DiscoverFlags): Promise<void> {
  expectOneOf("--test", flags.test, CI_TEST_KINDS);
  expectOneOf("--method", flags.method, METHODS);
  expectOneOf("--transform", flags.transform, TRANSFORMS);
  const alpha = expectNumber("--alpha", Number(flags.alpha), 0, 1);
  const started = performance.now();
  const { data, sachs } = await load(flags.data, flags.transform, flags.method);
  if (!flags.json) {
    console.error(
      `${flags.data}: ${data.columns[0]?.length ?? 0} rows × ${data.names.length} variables${sachs ? ` (Sachs ${sachs})` : ""}`,
    );
  }
  const { graph, chosen } = await discover(data, flags, alpha);
  const seconds = (performance.now() - started) / 1000;
  const edges = graph.edges();
  writeFileSync(`${flags.out}.dot`, toDot(data.names, edges));
  writeFileSync(`${flags.out}.svg`, toSvg(data.names, edges));
  const comparison =
    flags.truth === undefined ? undefined : compareGraphs(graph, readTruth(flags.truth, data.names));
  if (flags.json) {
    const metrics =
      comparison === undefined
        ? {}
        : {
            shd: comparison.shd,
            tp: comparison.tp,
            fdr: comparison.fdr,
            skeleton_f1: comparison.skeletonF1,
            predicted_edges: comparison.predictedEdges,
          };
    console.log(JSON.stringify({ ...metrics, ...(chosen ? { chosen } : {}), seconds, edges }, null, 2));
    return;
  }
  console.log(formatEdges(edges));
  const setting =
    flags.method === "additive"
      ? `additive-spline BIC, ${chosen}${flags.knots === "auto" || flags.transform === "auto" ? " (auto: highest BIC)" : ""}`
      : `${flags.method}, ${flags.test}, alpha ${alpha}`;
  console.log(
    `${edges.length} edges (${setting}) in ${seconds.toFixed(2)} s; wrote ${flags.out}.dot, ${flags.out}.svg`,
  );
  const label = flags.method === "additive" ? "additive" : `${flags.method}/${flags.test}`;
  if (comparison !== undefined) console.log(metricsTable(comparison, sachs, label));
}

export function registerCausal(program: Command): void {
  const causal = program.command("causal").description("Causal structure learning and causal root cause");
  causal
    .command("discover")
    .description(
      "Learn a causal graph (PC-stable, PC + BIC hill climbing, or additive-spline tabu search) from a data file; score it against a reference edge list",
    )
    .requiredOption("--data <file>", "CSV/TSV/Parquet/Arrow/JSONL file, or a Sachs data file (detected)")
    .option("--test <name>", `conditional-independence test: ${CI_TEST_KINDS.join(", ")}`, "fisherz")
    .option("--alpha <p>", "significance level", "0.01")
    .option(
      "--method <name>",
      "pc; pc-hc (PC skeleton then Gaussian-BIC hill climbing); additive (tabu search, additive-spline BIC, for nonlinear data)",
      "pc",
    )
    .option(
      "--knots <k>",
      "additive: interior spline knots per parent, or auto (the count 0..2*floor(n^(1/5)) with the highest BIC)",
      "auto",
    )
    .option(
      "--search <name>",
      "additive: tabu, or exact (the BIC-optimal DAG by dynamic programming; at most 20 variables)",
      "tabu",
    )
    .option(
      "--transform <name>",
      "auto (pc, pc-hc: log for Sachs intensities; additive: raw or log by BIC with the log Jacobian), none, log",
      "auto",
    )
    .option("--truth <edges.csv>", "reference edges, CSV with header source,target")
    .option("--out <prefix>", "write <prefix>.dot and <prefix>.svg", "causal-graph")
    .option("--seed <n>", "seed of randomised tests", "0")
    .option("--permutations <n>", "permutations of the CMIknn test", "199")
    .option("--workers <n>", "pc: worker threads for the CI tests (pays for cmiknn); 0 = this thread", "0")
    .option("--json", "print JSON: shd, tp, fdr, skeleton_f1, chosen (additive), seconds, edges")
    .action((flags: DiscoverFlags) => runDiscover(flags));
}
