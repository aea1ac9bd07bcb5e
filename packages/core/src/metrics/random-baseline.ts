import { createRng } from "../random/index.ts";
import { expectInteger, expectPositiveInteger, withDefaults } from "../validate/index.ts";

export interface RandomBaselineOptions {
  /** Independent draws of random scores; their results are averaged. */
  runs: number;
  seed: number;
}

const DEFAULTS: RandomBaselineOptions = { runs: 10, seed: 0 };

export interface RandomBaselineResult<K extends string> {
  readonly mean: Readonly<Record<K, number>>;
  readonly std: Readonly<Record<K, number>>;
  readonly runs: number;
}

/** Uniform [0, 1) scores from a seeded generator. */
export function randomScores(length: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: expectInteger("length", length, 0) }, () => rng.uniform());
}

/**
 * The same evaluation applied to random scores, so every result can print a random-detector row beside it: a
 * metric that a random detector scores well on is exposed at once. `evaluate` receives the scores of one run and
 * returns named figures; each figure's mean and standard deviation over the runs are returned.
 */
export function randomBaseline<K extends string>(
  length: number,
  evaluate: (scores: Float64Array) => Record<K, number>,
  options?: Partial<RandomBaselineOptions>,
): RandomBaselineResult<K> {
  const o = withDefaults("randomBaseline", DEFAULTS, options);
  const runs = expectPositiveInteger("runs", o.runs);
  const results = Array.from({ length: runs }, (_, r) => evaluate(randomScores(length, o.seed + r)));
  const keys = Object.keys(results[0]!) as K[];
  const mean = {} as Record<K, number>;
  const std = {} as Record<K, number>;
  for (const k of keys) {
    const values = results.map((res) => res[k]);
    const m = values.reduce((a, b) => a + b, 0) / runs;
    mean[k] = m;
    std[k] = runs < 2 ? 0 : Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (runs - 1));
  }
  return { mean, std, runs };
}
