import { VigilArgumentError } from "@vigil/core/errors";
import { expectInteger, expectNumber, expectPositiveInteger, fail, withDefaults } from "@vigil/core/validate";
import { AGGREGATION_DEFAULTS, type AggregationOptions } from "../aggregate/aggregate-updates.ts";

/** Client-level differential privacy (DP-FedAvg) applied by the coordinator. */
export interface PrivacyOptions {
  /** C: every client's delta is clipped to this L2 norm. */
  clipNorm: number;
  /** σ: the noise added to the sum of clipped deltas has standard deviation σ·C. */
  noiseMultiplier: number;
  /** The δ at which ε is reported. */
  delta: number;
}

export interface CoordinatorOptions {
  /** Clients drawn (seeded) for each round; undefined: all of them. */
  clientsPerRound: number | undefined;
  /** A client that has not answered within this many milliseconds is left out of the round. */
  roundTimeoutMs: number;
  /** The aggregation rule (and its parameters) for rounds without privacy. */
  aggregation: Partial<AggregationOptions>;
  /** DP-FedAvg instead of `aggregation` (whose rule must then be "fedavg"); undefined: no privacy. */
  privacy: PrivacyOptions | undefined;
  /** η of the server step: global += η · aggregate. */
  serverLearningRate: number;
  /** Seeds client selection and the privacy noise. */
  seed: number;
  /** Answers longer than this many bytes are rejected unread. */
  maxUpdateBytes: number;
  /** One line per round on stderr. */
  progress: boolean;
}

export const COORDINATOR_DEFAULTS: CoordinatorOptions = {
  clientsPerRound: undefined,
  roundTimeoutMs: 120_000,
  aggregation: {},
  privacy: undefined,
  serverLearningRate: 1,
  seed: 0,
  maxUpdateBytes: 64 * 2 ** 20,
  progress: false,
};

export function coordinatorOptions(given: Partial<CoordinatorOptions> | undefined): CoordinatorOptions {
  const o = withDefaults("coordinator options", COORDINATOR_DEFAULTS, given);
  if (o.clientsPerRound !== undefined) expectPositiveInteger("clientsPerRound", o.clientsPerRound);
  expectNumber("roundTimeoutMs", o.roundTimeoutMs, 1, 2 ** 31 - 1);
  expectNumber("serverLearningRate", o.serverLearningRate, Number.MIN_VALUE);
  expectInteger("seed", o.seed, 0, 0xffffffff);
  expectPositiveInteger("maxUpdateBytes", o.maxUpdateBytes);
  if (typeof o.progress !== "boolean") fail("progress", "a boolean", o.progress);
  const aggregation = withDefaults("aggregation options", AGGREGATION_DEFAULTS, o.aggregation);
  if (o.privacy !== undefined) {
    const p = withDefaults(
      "privacy options",
      { clipNorm: Number.NaN, noiseMultiplier: Number.NaN, delta: Number.NaN },
      o.privacy,
    );
    expectNumber("privacy.clipNorm", p.clipNorm, Number.MIN_VALUE);
    expectNumber("privacy.noiseMultiplier", p.noiseMultiplier, 0);
    expectNumber("privacy.delta", p.delta, Number.MIN_VALUE, 1);
    if (aggregation.rule !== "fedavg") {
      throw new VigilArgumentError(
        `DP-FedAvg replaces the aggregation rule, so privacy cannot be combined with rule "${aggregation.rule}"`,
        { name: "privacy" },
      );
    }
  }
  return o;
}
