import { expectInteger, expectNumber, expectOneOf, withDefaults } from "@vigil/core/validate";
import { type DataMatrix, logTransform, rowCount, validateMatrix } from "../data/matrix.ts";
import type { Pdag } from "../graph/pdag.ts";
import { type BackgroundKnowledge, CompiledKnowledge } from "../pc/knowledge.ts";
import { additiveBic } from "./additive-bic.ts";
import { EXACT_SEARCH_MAX_VARIABLES, exactSearch } from "./exact-search.ts";
import { hillClimb } from "./hill-climb.ts";
import { autoKnotCandidates } from "./knot-candidates.ts";
import { logJacobian } from "./log-jacobian.ts";

export const ADDITIVE_TRANSFORMS = ["auto", "none", "log"] as const;
export const ADDITIVE_SEARCHES = ["tabu", "exact"] as const;
export type AdditiveTransform = (typeof ADDITIVE_TRANSFORMS)[number];

export interface AdditiveHillClimbOptions {
  /**
   * Interior knots of each parent's cubic regression spline. "auto" (default): search once per count in
   * `autoKnotCandidates(n)` and keep the fit with the highest BIC — the criterion the search maximises over
   * graphs, extended to the basis size, whose df term charges every extra knot.
   */
  readonly interiorKnots: number | "auto";
  /**
   * "none": model the values as given; "log": model log x (every value must be positive); "auto" (default):
   * fit both (log only when every value is positive) and keep the higher BIC on the scale of the data as
   * given, i.e. the log model's log-likelihood minus Σ log x (its Jacobian), as in Box–Cox model selection.
   */
  readonly transform: AdditiveTransform;
  /** Multiplier of the BIC penalty ½·df·log n; 1 is Schwarz's BIC. */
  readonly penalty: number;
  /**
   * "tabu" (default): tabu search over DAGs (add / delete / reverse). "exact": the BIC-optimal DAG by dynamic
   * programming over variable subsets (exactSearch; at most 20 variables), which certifies whether the search or
   * the model limits a result.
   */
  readonly search: (typeof ADDITIVE_SEARCHES)[number];
  /** Tabu list length (bnlearn's default 10); 0 = plain greedy search. */
  readonly tabuLength: number;
  readonly tabuPatience: number;
  readonly maxParents: number;
  readonly knowledge: BackgroundKnowledge;
}

export const ADDITIVE_HILL_CLIMB_DEFAULTS: AdditiveHillClimbOptions = {
  interiorKnots: "auto",
  transform: "auto",
  penalty: 1,
  search: "tabu",
  tabuLength: 10,
  tabuPatience: 10,
  maxParents: Infinity,
  knowledge: {},
};

/** One configuration the search was run with, and the BIC it reached. */
export interface AdditiveCandidate {
  readonly transform: "none" | "log";
  readonly interiorKnots: number;
  /** BIC of the best DAG found, on the scale of the data as given (log models include −Σ log x). */
  readonly score: number;
  readonly edges: number;
}

export interface AdditiveHillClimbResult {
  /** A DAG: the additive-noise score orients every edge it keeps. */
  readonly graph: Pdag;
  /** BIC of `graph` on the scale of the data as given (constants common to every candidate dropped). */
  readonly score: number;
  /** Tabu moves applied, or local scores evaluated by the exact search. */
  readonly steps: number;
  /** The configuration that produced `graph`. */
  readonly transform: "none" | "log";
  readonly interiorKnots: number;
  /** Every configuration searched, in search order (transform none before log, knots ascending). */
  readonly candidates: readonly AdditiveCandidate[];
}

/**
 * Score-based discovery for nonlinear data: tabu search over DAGs (add / delete / reverse) maximising the
 * additive-spline BIC (CAM's model class). Required edges are kept and forbidden directions never added.
 * With "auto" knots and / or transform the search runs once per configuration and the highest BIC wins
 * (ties go to the earlier candidate: no transform, fewer knots), so the configuration is chosen by the
 * same penalised likelihood as the graph, from the data alone.
 */
export function additiveHillClimb(
  data: DataMatrix,
  options?: Partial<AdditiveHillClimbOptions>,
): AdditiveHillClimbResult {
  const o = withDefaults("additiveHillClimb options", ADDITIVE_HILL_CLIMB_DEFAULTS, options);
  validateMatrix(data);
  expectOneOf("transform", o.transform, ADDITIVE_TRANSFORMS);
  expectNumber("penalty", o.penalty, 0);
  expectOneOf("search", o.search, ADDITIVE_SEARCHES);
  if (o.search === "exact") expectInteger("variables", data.names.length, 1, EXACT_SEARCH_MAX_VARIABLES);
  if (typeof o.interiorKnots === "string") expectOneOf("interiorKnots", o.interiorKnots, ["auto"]);
  const knots =
    typeof o.interiorKnots === "string"
      ? autoKnotCandidates(rowCount(data))
      : [expectInteger("interiorKnots", o.interiorKnots, 0, 100)];
  const knowledge = new CompiledKnowledge(data.names, o.knowledge);
  const jacobian = o.transform === "none" ? undefined : logJacobian(data);
  const scales: { transform: "none" | "log"; data: DataMatrix; shift: number }[] = [];
  if (o.transform !== "log") scales.push({ transform: "none", data, shift: 0 });
  // logTransform names the offending value when "log" is forced on data that are not all positive
  if (o.transform === "log" || jacobian !== undefined)
    scales.push({ transform: "log", data: logTransform(data), shift: -(jacobian ?? 0) });
  const candidates: AdditiveCandidate[] = [];
  let best: AdditiveHillClimbResult | undefined;
  for (const scale of scales)
    for (const k of knots) {
      const score = additiveBic(scale.data, { interiorKnots: k, penalty: o.penalty });
      const rules = {
        allowed: (i: number, j: number) => !knowledge.isForbidden(i, j),
        required: (i: number, j: number) => knowledge.isRequired(i, j),
        maxParents: o.maxParents,
      };
      const found =
        o.search === "exact"
          ? (({ graph, score, evaluations }) => ({ graph, score, steps: evaluations }))(
              exactSearch(score, data.names, rules),
            )
          : hillClimb(score, data.names, {
              ...rules,
              tabuLength: o.tabuLength,
              tabuPatience: o.tabuPatience,
            });
      const total = found.score + scale.shift;
      candidates.push({
        transform: scale.transform,
        interiorKnots: k,
        score: total,
        edges: found.graph.edges().length,
      });
      if (best === undefined || total > best.score)
        best = { ...found, score: total, transform: scale.transform, interiorKnots: k, candidates };
    }
  return best as AdditiveHillClimbResult;
}
