import { VigilArgumentError } from "@vigil/core/errors";
import type { Pdag } from "../graph/pdag.ts";

export interface GraphComparison {
  /** Structural Hamming distance: one per pair whose state differs (missing, extra, reversed, or unoriented/conflicting where the truth is directed). */
  readonly shd: number;
  /** Predicted edges that are directed exactly as in the truth. */
  readonly tp: number;
  /** (predicted edges − tp) / predicted edges; unoriented edges count as not discovered correctly. */
  readonly fdr: number;
  readonly predictedEdges: number;
  readonly trueEdges: number;
  readonly reversed: number;
  readonly missing: number;
  readonly extra: number;
  /** Predicted undirected or bidirected edges whose pair is adjacent in the truth. */
  readonly unoriented: number;
  readonly skeletonPrecision: number;
  readonly skeletonRecall: number;
  readonly skeletonF1: number;
}

type PairState = "none" | "forward" | "backward" | "undirected" | "bidirected";

function state(g: Pdag, i: number, j: number): PairState {
  if (!g.isAdjacent(i, j)) return "none";
  if (g.isDirected(i, j)) return "forward";
  if (g.isDirected(j, i)) return "backward";
  return g.hasArrowAt(i, j) ? "bidirected" : "undirected";
}

/** Scores a learned graph (CPDAG or DAG) against a reference graph over the same variable names. */
export function compareGraphs(predicted: Pdag, truth: Pdag): GraphComparison {
  if (predicted.names.join("\u0000") !== truth.names.join("\u0000")) {
    throw new VigilArgumentError(
      `compareGraphs: variables differ (${predicted.names.join(",")} vs ${truth.names.join(",")})`,
    );
  }
  let shd = 0;
  let tp = 0;
  let reversed = 0;
  let missing = 0;
  let extra = 0;
  let unoriented = 0;
  let predictedEdges = 0;
  let trueEdges = 0;
  let skeletonHits = 0;
  for (let i = 0; i < truth.size; i++) {
    for (let j = i + 1; j < truth.size; j++) {
      const s = state(predicted, i, j);
      const t = state(truth, i, j);
      if (s !== "none") predictedEdges++;
      if (t !== "none") trueEdges++;
      if (s !== "none" && t !== "none") skeletonHits++;
      if (s !== t) shd++;
      if (s === "none" && t !== "none") missing++;
      else if (s !== "none" && t === "none") extra++;
      else if (s !== "none" && t !== "none") {
        if (s === t && (s === "forward" || s === "backward")) tp++;
        else if ((s === "forward" && t === "backward") || (s === "backward" && t === "forward")) reversed++;
        else if (s === "undirected" || s === "bidirected") unoriented++;
      }
    }
  }
  const skeletonPrecision = predictedEdges === 0 ? 0 : skeletonHits / predictedEdges;
  const skeletonRecall = trueEdges === 0 ? 0 : skeletonHits / trueEdges;
  const skeletonF1 =
    skeletonPrecision + skeletonRecall === 0
      ? 0
      : (2 * skeletonPrecision * skeletonRecall) / (skeletonPrecision + skeletonRecall);
  return {
    shd,
    tp,
    fdr: predictedEdges === 0 ? 0 : (predictedEdges - tp) / predictedEdges,
    predictedEdges,
    trueEdges,
    reversed,
    missing,
    extra,
    unoriented,
    skeletonPrecision,
    skeletonRecall,
    skeletonF1,
  };
}
