import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, expectNumber, withDefaults } from "@vigil/core/validate";
import type { Pdag } from "../graph/pdag.ts";

export interface RootCauseOptions {
  /** Evidence at or above this marks a channel anomalous (e.g. a detector's normalised score). */
  readonly threshold: number;
  /** Restart probability of the random walk. */
  readonly restart: number;
  readonly iterations: number;
}

export const ROOT_CAUSE_DEFAULTS: RootCauseOptions = { threshold: 1, restart: 0.15, iterations: 200 };

export interface RankedCause {
  readonly channel: string;
  readonly evidence: number;
  readonly anomalous: boolean;
  /** Anomalous with no anomalous direct cause in the graph. */
  readonly root: boolean;
  /** Stationary probability of the evidence-weighted random walk towards causes. */
  readonly walkScore: number;
}

/**
 * Ranks root-cause channels for one anomaly event: anomalous nodes whose causes are all normal come first,
 * then the other anomalous nodes, then the rest; within each group by a random walk with restart on the
 * reversed graph (effect → cause with weight = the cause's evidence, restart ∝ evidence), in the spirit of
 * MicroCause / CloudRanger. As in CloudRanger, a node also keeps a self-loop of weight
 * max(0, own evidence − largest cause evidence): without it every walk drains to the graph's source nodes
 * however little evidence they carry, and a strongly anomalous mid-graph root would lose to a quiet source.
 * Undirected and conflicting edges are walked both ways because their direction is unknown; only directed
 * parents can disqualify a root.
 */
export function rankRootCauses(
  graph: Pdag,
  evidence: Readonly<Record<string, number>>,
  options?: Partial<RootCauseOptions>,
): RankedCause[] {
  const o = withDefaults("rankRootCauses options", ROOT_CAUSE_DEFAULTS, options);
  expectNumber("restart", o.restart, 1e-6, 1);
  expectInteger("iterations", o.iterations, 1);
  const p = graph.size;
  const e = graph.names.map((name) => {
    const v = evidence[name];
    if (v === undefined || !(v >= 0))
      throw new VigilArgumentError(`Expected non-negative evidence for channel "${name}" but received ${v}`);
    return v;
  });
  for (const name of Object.keys(evidence)) graph.index(name);
  const total = e.reduce((a, b) => a + b, 0);
  const restart = e.map((v) => (total > 0 ? v / total : 1 / p));
  const causes = Array.from({ length: p }, (_, v) =>
    graph.neighbours(v).filter((u) => graph.isDirected(u, v) || !graph.isDirected(v, u)),
  );
  let score = Float64Array.from(restart);
  for (let it = 0; it < o.iterations; it++) {
    const next = Float64Array.from(restart, (r) => o.restart * r);
    for (let v = 0; v < p; v++) {
      const mass = (1 - o.restart) * (score[v] as number);
      const weights = (causes[v] as number[]).map((u) => e[u] as number);
      const stay = Math.max(0, (e[v] as number) - Math.max(0, ...weights));
      const sum = stay + weights.reduce((a, b) => a + b, 0);
      if (sum === 0) next[v] = (next[v] as number) + mass;
      else {
        next[v] = (next[v] as number) + (mass * stay) / sum;
        (causes[v] as number[]).forEach((u, k) => {
          next[u] = (next[u] as number) + (mass * (weights[k] as number)) / sum;
        });
      }
    }
    score = next;
  }
  const ranked = graph.names.map((channel, v) => {
    const anomalous = (e[v] as number) >= o.threshold;
    const root = anomalous && !graph.parents(v).some((u) => (e[u] as number) >= o.threshold);
    return { channel, evidence: e[v] as number, anomalous, root, walkScore: score[v] as number };
  });
  const group = (r: RankedCause): number => (r.root ? 0 : r.anomalous ? 1 : 2);
  return ranked.sort((a, b) => group(a) - group(b) || b.walkScore - a.walkScore || b.evidence - a.evidence);
}
