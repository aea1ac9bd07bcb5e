import { VigilArgumentError } from "@vigil/core/errors";
import { createRng } from "@vigil/core/random";
import { expectNumber, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import type { DataMatrix } from "../data/matrix.ts";
import { Pdag } from "../graph/pdag.ts";

/** A linear structural equation model x_j = Σ w_ij x_i + σ_j ε_j over nodes in topological order 0..p−1. */
export interface LinearSem {
  readonly names: readonly string[];
  /** Directed edges i → j with weight, i < j (topological order). */
  readonly edges: readonly { readonly from: number; readonly to: number; readonly weight: number }[];
  /** Noise standard deviation of each node. */
  readonly noise: Float64Array;
}

export interface RandomSemOptions {
  readonly variables: number;
  /** Expected number of neighbours per node (Erdős–Rényi). */
  readonly expectedDegree: number;
  /** |weight| uniform in [min, max], random sign — bounded away from zero so edges are detectable. */
  readonly minWeight: number;
  readonly maxWeight: number;
  readonly seed: number;
}

export const RANDOM_SEM_DEFAULTS: RandomSemOptions = {
  variables: 10,
  expectedDegree: 2,
  minWeight: 0.5,
  maxWeight: 1.5,
  seed: 1,
};

/** A random DAG (Erdős–Rényi over a fixed topological order) with linear weights and unit noise. */
export function randomLinearSem(options?: Partial<RandomSemOptions>): LinearSem {
  const o = withDefaults("randomLinearSem options", RANDOM_SEM_DEFAULTS, options);
  const p = expectPositiveInteger("variables", o.variables);
  expectNumber("expectedDegree", o.expectedDegree, 0, p - 1);
  if (!(o.minWeight > 0 && o.maxWeight >= o.minWeight)) {
    throw new VigilArgumentError(
      `Expected 0 < minWeight <= maxWeight but received ${o.minWeight}, ${o.maxWeight}`,
    );
  }
  const rng = createRng(o.seed);
  const edgeProbability = p > 1 ? o.expectedDegree / (p - 1) : 0;
  const edges: { from: number; to: number; weight: number }[] = [];
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < j; i++) {
      if (rng.uniform() >= edgeProbability) continue;
      const magnitude = o.minWeight + (o.maxWeight - o.minWeight) * rng.uniform();
      edges.push({ from: i, to: j, weight: rng.uniform() < 0.5 ? -magnitude : magnitude });
    }
  }
  return {
    names: Array.from({ length: p }, (_, i) => `X${i + 1}`),
    edges,
    noise: new Float64Array(p).fill(1),
  };
}

/** n independent rows from the SEM, deterministic for a seed. */
export function sampleLinearSem(sem: LinearSem, n: number, seed: number): DataMatrix {
  expectPositiveInteger("n", n);
  const p = sem.names.length;
  const rng = createRng(seed);
  const columns = Array.from({ length: p }, () => new Float64Array(n));
  const incoming = Array.from({ length: p }, (_, j) => sem.edges.filter((e) => e.to === j));
  for (const e of sem.edges) {
    if (e.from >= e.to)
      throw new VigilArgumentError(`LinearSem edge ${e.from} -> ${e.to} breaks the topological order`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      let v = (sem.noise[j] as number) * rng.normal();
      for (const e of incoming[j] as { from: number; weight: number }[])
        v += e.weight * ((columns[e.from] as Float64Array)[i] as number);
      (columns[j] as Float64Array)[i] = v;
    }
  }
  return { names: sem.names, columns };
}

/** The SEM's DAG as a graph. */
export function semDag(sem: LinearSem): Pdag {
  const g = new Pdag(sem.names);
  for (const e of sem.edges) g.orient(e.from, e.to);
  return g;
}
