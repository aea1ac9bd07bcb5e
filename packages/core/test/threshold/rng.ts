import { createRng } from "../../src/random/index.ts";

/** Seeded uniforms in [0, 1) for reproducible test data. */
export function uniforms(seed: number): () => number {
  const rng = createRng(seed);
  return () => rng.uniform();
}

export function exponentials(n: number, seed: number): Float64Array {
  const u = uniforms(seed);
  return Float64Array.from({ length: n }, () => -Math.log(1 - u()));
}
