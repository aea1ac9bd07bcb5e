/**
 * Seeded uniform generator (mulberry32) for the randomised baselines. Private to this folder until
 * core grows a shared `createRng(seed)`; only what the baselines need is here.
 */
export interface UniformRng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

export function createUniformRng(seed: number): UniformRng {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { uniform, int: (n) => Math.floor(uniform() * n) };
}
