import { expectPositiveInteger, fail } from "../validate/index.ts";
import { hashSeed } from "./hash-seed.ts";

/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna) seeded through splitmix32, so that
 * nearby seeds (0, 1, 2…) give unrelated streams. Not cryptographic. Every randomised step in Vigil
 * (initialisation, shuffling, simulation, permutation tests) takes one of these so runs reproduce.
 */
export interface Rng {
  /** Uniform in [0, 1) with 32 random bits. */
  next(): number;
  /** The same function as `next`, under the name the older per-package generators used. */
  uniform(): number;
  /** Standard normal (Box–Muller; the second deviate of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n), without modulo bias; n is a positive integer below 2^32. */
  int(n: number): number;
  /** Fisher–Yates shuffle of `items` (an array or a typed array) in place; returns `items`. */
  shuffle<A extends Shuffleable>(items: A): A;
  /**
   * A new generator for one named part of a computation, seeded from one draw of this one and the key, so
   * that parts with different keys get unrelated streams and drawing more from one part leaves the others'
   * draws unchanged.
   */
  fork(key: string): Rng;
}

/** What `shuffle` permutes: anything indexed 0…length−1 and writable, arrays and typed arrays alike. */
export interface Shuffleable {
  readonly length: number;
  [index: number]: unknown;
}

const TWO_32 = 4294967296;

/** One splitmix32 step: a well-mixed 32-bit word from a state advanced by the golden-ratio increment. */
function splitmix32(state: number): [next: number, word: number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

export function createRng(seed: number): Rng {
  if (typeof seed !== "number" || !Number.isFinite(seed)) fail("seed", "a finite number", seed);
  // Fold the whole double (not only its low 32 bits) into the splitmix state.
  let mix = (Math.trunc(seed) | 0) ^ Math.trunc(seed / TWO_32);
  let s0: number;
  let s1: number;
  let s2: number;
  let s3: number;
  [mix, s0] = splitmix32(mix);
  [mix, s1] = splitmix32(mix);
  [mix, s2] = splitmix32(mix);
  [mix, s3] = splitmix32(mix);
  // xoshiro must not start from the all-zero state (splitmix32 makes that practically impossible).
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextWord = (): number => {
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  const next = (): number => nextWord() / TWO_32;
  let spare: number | undefined;

  const int = (n: number): number => {
    if (expectPositiveInteger("n", n) > TWO_32) fail("n", "a positive integer at most 2^32", n);
    // Rejection sampling: draws in the incomplete top block would favour small results.
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const w = nextWord();
      if (w < limit) return w % n;
    }
  };

  return {
    next,
    uniform: next,
    normal(): number {
      if (spare !== undefined) {
        const z = spare;
        spare = undefined;
        return z;
      }
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    int,
    shuffle<A extends Shuffleable>(items: A): A {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
    fork(key: string): Rng {
      return createRng(hashSeed(nextWord(), key));
    },
  };
}
