import { logGamma } from "../stats/log-gamma.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";
import type { ConjugateModel } from "./conjugate-model.ts";

export interface NormalGammaOptions {
  /** Prior mean μ0. */
  mean: number;
  /** Pseudo-observations behind μ0 (κ0). */
  kappa: number;
  /** Gamma shape of the precision (α0). */
  alpha: number;
  /** Gamma rate of the precision (β0); β0/α0 is the prior guess of the variance. */
  beta: number;
}

const DEFAULTS: NormalGammaOptions = { mean: 0, kappa: 1, alpha: 1, beta: 1 };

/**
 * Normal observations with unknown mean and precision under a Normal-Gamma prior; the posterior
 * predictive is Student-t with 2α degrees of freedom, location μ and scale² = β(κ + 1)/(ακ).
 * Parameters per hypothesis: μ, κ, α, β.
 */
export function normalGammaModel(options?: Partial<NormalGammaOptions>): ConjugateModel {
  const o = withDefaults("normalGammaModel", DEFAULTS, options);
  expectNumber("mean", o.mean);
  expectNumber("kappa", o.kappa, Number.MIN_VALUE);
  expectNumber("alpha", o.alpha, Number.MIN_VALUE);
  expectNumber("beta", o.beta, Number.MIN_VALUE);
  return {
    size: 4,
    writePrior(params, at) {
      params[at] = o.mean;
      params[at + 1] = o.kappa;
      params[at + 2] = o.alpha;
      params[at + 3] = o.beta;
    },
    logPredictive(params, at, x) {
      const mu = params[at]!;
      const kappa = params[at + 1]!;
      const alpha = params[at + 2]!;
      const beta = params[at + 3]!;
      const nu = 2 * alpha;
      const scale2 = (beta * (kappa + 1)) / (alpha * kappa);
      const z = x - mu;
      return (
        logGamma(alpha + 0.5) -
        logGamma(alpha) -
        0.5 * Math.log(nu * Math.PI * scale2) -
        (alpha + 0.5) * Math.log1p((z * z) / (nu * scale2))
      );
    },
    update(from, at, x, to, toAt) {
      const mu = from[at]!;
      const kappa = from[at + 1]!;
      const z = x - mu;
      to[toAt] = (kappa * mu + x) / (kappa + 1);
      to[toAt + 1] = kappa + 1;
      to[toAt + 2] = from[at + 2]! + 0.5;
      to[toAt + 3] = from[at + 3]! + (kappa * z * z) / (2 * (kappa + 1));
    },
  };
}
