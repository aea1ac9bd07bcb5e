import { expectNumber, expectPositiveInteger } from "@vigil/core/validate";

/**
 * Rényi orders at which privacy loss is tracked (as Opacus's defaults): fine steps near 1, where the
 * best order lies for large budgets, and coarse ones up to 512 for small budgets.
 */
export const RDP_ORDERS: readonly number[] = [
  ...Array.from({ length: 99 }, (_, i) => 1 + (i + 1) / 10),
  ...Array.from({ length: 53 }, (_, i) => 11 + i),
  128,
  256,
  512,
];

/** RDP of one Gaussian mechanism with L2 sensitivity 1 and noise σ at order α: α / (2σ²) (Mironov 2017). */
export function gaussianRdp(order: number, noiseMultiplier: number): number {
  return noiseMultiplier === 0 ? Number.POSITIVE_INFINITY : order / (2 * noiseMultiplier * noiseMultiplier);
}

export interface PrivacySpent {
  readonly epsilon: number;
  readonly delta: number;
  /** The Rényi order that gave the smallest ε. */
  readonly order: number;
}

/**
 * (ε, δ) from RDP values by Mironov's conversion (2017, Prop. 3): ε = min over α of
 * RDP(α) + log(1/δ) / (α − 1).
 */
export function rdpToDp(orders: readonly number[], rdp: ArrayLike<number>, delta: number): PrivacySpent {
  expectNumber("delta", delta, Number.MIN_VALUE, 1);
  let best: PrivacySpent = { epsilon: Number.POSITIVE_INFINITY, delta, order: Number.NaN };
  orders.forEach((alpha, i) => {
    const epsilon = rdp[i]! + Math.log(1 / delta) / (alpha - 1);
    if (epsilon < best.epsilon) best = { epsilon, delta, order: alpha };
  });
  return best;
}

/**
 * Privacy spent by rounds of DP-FedAvg, each a Gaussian mechanism on the sum of clipped client
 * deltas. RDP composes by addition over rounds; the total is converted to (ε, δ) on request. Every
 * round counts in full: no amplification by client subsampling is claimed, which over-states ε (is
 * conservative) when only some clients take part in a round.
 */
export class RdpAccountant {
  readonly orders: readonly number[];
  readonly #rdp: Float64Array;
  #rounds = 0;

  constructor(orders: readonly number[] = RDP_ORDERS) {
    for (const alpha of orders) expectNumber("order", alpha, 1 + Number.EPSILON);
    this.orders = orders;
    this.#rdp = new Float64Array(orders.length);
  }

  /** Records `rounds` rounds at noise multiplier σ. */
  addGaussianRounds(noiseMultiplier: number, rounds = 1): void {
    expectNumber("noiseMultiplier", noiseMultiplier, 0);
    expectPositiveInteger("rounds", rounds);
    this.orders.forEach((alpha, i) => {
      this.#rdp[i] = this.#rdp[i]! + rounds * gaussianRdp(alpha, noiseMultiplier);
    });
    this.#rounds += rounds;
  }

  get rounds(): number {
    return this.#rounds;
  }

  /** (ε, δ) spent so far; ε is 0 before any round. */
  spent(delta: number): PrivacySpent {
    if (this.#rounds === 0) return { epsilon: 0, delta, order: Number.NaN };
    return rdpToDp(this.orders, this.#rdp, delta);
  }
}

/**
 * The smallest noise multiplier σ (to 0.1 % relative) whose `rounds` rounds spend at most ε at δ,
 * by bisection: ε falls as σ grows.
 */
export function noiseMultiplierFor(budget: { epsilon: number; delta: number; rounds: number }): number {
  expectNumber("epsilon", budget.epsilon, Number.MIN_VALUE);
  expectPositiveInteger("rounds", budget.rounds);
  const epsilonAt = (sigma: number): number => {
    const accountant = new RdpAccountant();
    accountant.addGaussianRounds(sigma, budget.rounds);
    return accountant.spent(budget.delta).epsilon;
  };
  let lo = 0;
  let hi = 1;
  while (epsilonAt(hi) > budget.epsilon) hi *= 2;
  while (hi - lo > 1e-3 * hi) {
    const mid = (lo + hi) / 2;
    if (epsilonAt(mid) > budget.epsilon) lo = mid;
    else hi = mid;
  }
  return hi;
}
