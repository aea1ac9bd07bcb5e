import { readFileSync, writeFileSync } from "node:fs";
import {
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
  toDot,
  toSvg,
} from "@vigil/causal";
import { VigilArgumentError } from "@vigil/core/errors";
import { expectNumber, expectOneOf } from "@vigil/core/validate";
import {
  detectSachsKind,
  readSachs,
  readSachsEdges,
  SACHS_PUBLISHED,
  type SachsKind,
} from "@vigil/data/datasets";
import { readSeries } from "@vigil/data/readers";
import type { Command } from "commander";

const METHODS = ["pc", "pc-hc"] as const;
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
  json?: boolean;
}

interface Loaded {
  readonly data: DataMatrix;
  readonly sachs: SachsKind | undefined;
}

/** Sachs files are recognised by their header; anything else goes through the generic readers. */
async function load(path: string, transform: string): Promise<Loaded> {
  const firstLine = readFileSync(path, "utf8").split("\n", 1)[0] ?? "";
  const sachs = detectSachsKind(firstLine);
  const series = sachs === undefined ? (await readSeries(path)).series : readSachs(path).series;
  const raw = matrixFromSeries(series);
  // flow-cytometry intensities are log-normal-ish; the discretised set is already levels
  const log =
    transform === "log" || (transform === "auto" && (sachs === "observational" || sachs === "combined"));
  return { data: log ? logTransform(raw) : raw, sachs };
}

function readTruth(path: string, names: readonly string[]): Pdag {
  const edges: Edge[] = readSachsEdges(path).map(([from, to]) => ({ from, to, kind: "directed" }));
  return Pdag.fromEdges(names, edges);
}

function discover(data: DataMatrix, flags: DiscoverFlags, alpha: number): Pdag {
  const onProgress = (p: { level: number; testsRun: number; edges: number }): void => {
    if (!flags.json) console.error(`  level ${p.level}: ${p.testsRun} tests, ${p.edges} edges left`);
  };
  if (flags.method === "pc-hc" && flags.test !== "fisherz") {
    throw new VigilArgumentError("--method pc-hc scores with Gaussian BIC and needs --test fisherz");
  }
  const learned =
    flags.method === "pc-hc"
      ? pcHillClimb(data, { alpha, onProgress })
      : (() => {
          const test = createCITest(flags.test, data, {
            seed: Number(flags.seed),
            permutations: Number(flags.permutations),
          });
          const result = pc(test, data.names, { alpha, onProgress });
          return { graph: result.graph, pc: result };
        })();
  for (const c of learned.pc.conflicts)
    console.error(`  conflict ${c.between.join(" <-> ")}: ${c.reasons.join("; ")}`);
  return learned.graph;
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
  const { data, sachs } = await load(flags.data, flags.transform);
  if (!flags.json) {
    console.error(
      `${flags.data}: ${data.columns[0]?.length ?? 0} rows × ${data.names.length} variables${sachs ? ` (Sachs ${sachs})` : ""}`,
    );
  }
  const graph = discover(data, flags, alpha);
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
    console.log(JSON.stringify({ ...metrics, seconds, edges }, null, 2));
    return;
  }
  console.log(formatEdges(edges));
  console.log(
    `${edges.length} edges (${flags.method}, ${flags.test}, alpha ${alpha}) in ${seconds.toFixed(2)} s; wrote ${flags.out}.dot, ${flags.out}.svg`,
  );
  if (comparison !== undefined) console.log(metricsTable(comparison, sachs, `${flags.method}/${flags.test}`));
}

export function registerCausal(program: Command): void {
  const causal = program.command("causal").description("Causal structure learning and causal root cause");
  causal
    .command("discover")
    .description("Learn a causal graph (PC-stable) from a data file; score it against a reference edge list")
    .requiredOption("--data <file>", "CSV/TSV/Parquet/Arrow/JSONL file, or a Sachs data file (detected)")
    .option("--test <name>", `conditional-independence test: ${CI_TEST_KINDS.join(", ")}`, "fisherz")
    .option("--alpha <p>", "significance level", "0.01")
    .option("--method <name>", "pc, or pc-hc (PC skeleton then Gaussian-BIC hill climbing)", "pc")
    .option("--transform <name>", "auto (log for Sachs intensities), none, log", "auto")
    .option("--truth <edges.csv>", "reference edges, CSV with header source,target")
    .option("--out <prefix>", "write <prefix>.dot and <prefix>.svg", "causal-graph")
    .option("--seed <n>", "seed of randomised tests", "0")
    .option("--permutations <n>", "permutations of the CMIknn test", "199")
    .option("--json", "print JSON: shd, tp, fdr, skeleton_f1, seconds, edges")
    .action((flags: DiscoverFlags) => runDiscover(flags));
}
