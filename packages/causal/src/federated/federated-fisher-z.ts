import { VigilArgumentError } from "@vigil/core/errors";
import { twoSidedNormalP } from "@vigil/core/stats";
import { fisherZFromCorrelation } from "../citest/fisher-z.ts";
import { partialCorrelation } from "../citest/partial-correlation.ts";
import { type CITest, cached } from "../citest/types.ts";
import { correlationFromCovariance } from "../data/moments.ts";
import type { SiteMessage } from "./site-message.ts";

/** Largest |r| used in atanh. */
const MAX_R = 1 - 1e-15;

/** Exact pooling: the pooled covariance from per-site n, means and covariances equals the centralised one. */
export function pooledFisherZ(messages: readonly SiteMessage[]): CITest {
  const first = messages[0];
  if (first === undefined) throw new VigilArgumentError("pooledFisherZ: no site messages");
  const p = first.correlation.length === 0 ? 0 : Math.round(Math.sqrt(first.correlation.length));
  const total = messages.reduce((s, m) => s + m.n, 0);
  const mean = new Float64Array(p);
  for (const m of messages) {
    if (m.means === undefined || m.covariance === undefined) {
      throw new VigilArgumentError(
        "pooledFisherZ needs means and covariances; private messages carry only correlations — use weightedFisherZ",
      );
    }
    for (let i = 0; i < p; i++) mean[i] = (mean[i] as number) + (m.n * (m.means[i] as number)) / total;
  }
  const scatter = new Float64Array(p * p);
  for (const m of messages) {
    const means = m.means as Float64Array;
    const cov = m.covariance as Float64Array;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) {
        const between =
          m.n * ((means[a] as number) - (mean[a] as number)) * ((means[b] as number) - (mean[b] as number));
        scatter[a * p + b] =
          (scatter[a * p + b] as number) + (m.n - 1) * (cov[a * p + b] as number) + between;
      }
    }
  }
  return fisherZFromCorrelation(correlationFromCovariance(scatter, p), total);
}

/**
 * Sample-size-aware combination of per-site Fisher-z statistics: atanh(rᵢ) has variance 1/mᵢ with
 * mᵢ = nᵢ − |S| − 3, so the inverse-variance estimate Σ mᵢ·atanh(rᵢ) / Σ mᵢ divided by its standard error
 * gives Z = Σ mᵢ·atanh(rᵢ) / √Σ mᵢ, standard normal under independence. Each site keeps its own means and
 * scales, so between-site shifts (heterogeneous sites) cannot create spurious dependence. Sites too small for
 * |S| are left out of that test.
 */
export function weightedFisherZ(messages: readonly SiteMessage[]): CITest {
  const first = messages[0];
  if (first === undefined) throw new VigilArgumentError("weightedFisherZ: no site messages");
  const p = Math.round(Math.sqrt(first.correlation.length));
  return cached({
    name: "fisherz-weighted",
    variables: p,
    test(x, y, s) {
      let sum = 0;
      let weight = 0;
      for (const m of messages) {
        const df = m.n - s.length - 3;
        if (df <= 0) continue;
        const r = Math.max(-MAX_R, Math.min(MAX_R, partialCorrelation(m.correlation, p, x, y, s)));
        sum += df * Math.atanh(r);
        weight += df;
      }
      const z = weight > 0 ? sum / Math.sqrt(weight) : 0;
      return { pValue: twoSidedNormalP(z), statistic: Math.abs(z) };
    },
  });
}
