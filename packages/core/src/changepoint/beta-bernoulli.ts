import { expectNumber, withDefaults } from "../validate/index.ts";
import type { ConjugateModel } from "./conjugate-model.ts";

export interface BetaBernoulliOptions {
  /** Prior mean of P(x = 1). Appendix C of the SLAC paper: 0.9. */
  priorMean: number;
  /** Prior strength in pseudo-observations (α + β). Appendix C: 2. */
  priorStrength: number;
}

const DEFAULTS: BetaBernoulliOptions = { priorMean: 0.9, priorStrength: 2 };

/**
 * Beta-Bernoulli model for 0/1 observations (x > 0.5 counts as 1). Parameters are the integer counts
 * (ones, observations), so the predictive log-probabilities come from cached log tables: the BOCPD inner
 * loop then does no Math.log, which matters at 120 Hz over hours of pulses.
 */
export function betaBernoulliModel(options?: Partial<BetaBernoulliOptions>): ConjugateModel {
  const o = withDefaults("betaBernoulliModel", DEFAULTS, options);
  expectNumber("priorMean", o.priorMean, Number.MIN_VALUE, 1 - Number.EPSILON);
  expectNumber("priorStrength", o.priorStrength, Number.MIN_VALUE);
  const a0 = o.priorMean * o.priorStrength;
  const b0 = o.priorStrength - a0;
  // log(a0 + k), log(b0 + k), log(a0 + b0 + k), grown on demand (k never exceeds the longest run).
  let logA = new Float64Array(0);
  let logB = logA;
  let logN = logA;
  const grow = (k: number): void => {
    const size = Math.max(2 * logA.length, k + 1, 256);
    logA = Float64Array.from({ length: size }, (_, i) => Math.log(a0 + i));
    logB = Float64Array.from({ length: size }, (_, i) => Math.log(b0 + i));
    logN = Float64Array.from({ length: size }, (_, i) => Math.log(o.priorStrength + i));
  };
  return {
    size: 2,
    writePrior(params, at) {
      params[at] = 0;
      params[at + 1] = 0;
    },
    logPredictive(params, at, x) {
      const ones = params[at]!;
      const n = params[at + 1]!;
      if (n >= logN.length) grow(n);
      return (x > 0.5 ? logA[ones]! : logB[n - ones]!) - logN[n]!;
    },
    update(from, at, x, to, toAt) {
      to[toAt] = from[at]! + (x > 0.5 ? 1 : 0);
      to[toAt + 1] = from[at + 1]! + 1;
    },
  };
}
