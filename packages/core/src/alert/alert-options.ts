import { VigilArgumentError } from "../errors/index.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";

export interface AlertRuleOptions {
  /** An event opens when the score reaches this value (required). */
  on: number;
  /** An open event ends when the score falls below this (hysteresis); defaults to `on`. */
  off: number | undefined;
  /** Events shorter than this (last − first qualifying time, ns) never alert. */
  minDurationNs: bigint;
  /** A new crossing of `on` no more than this long (ns) after an event's end continues that event. */
  mergeGapNs: bigint;
}

/** Validated rules with `off` resolved. */
export interface AlertRules {
  readonly on: number;
  readonly off: number;
  readonly minDurationNs: bigint;
  readonly mergeGapNs: bigint;
}

const DEFAULTS: AlertRuleOptions = { on: Number.NaN, off: undefined, minDurationNs: 0n, mergeGapNs: 0n };

function expectNonNegativeBigint(name: string, value: unknown): bigint {
  if (typeof value !== "bigint" || value < 0n) {
    throw new VigilArgumentError(
      `Expected a non-negative bigint (ns) for ${name} but received ${String(value)}`,
      {
        name,
      },
    );
  }
  return value;
}

export function resolveAlertRules(options: Partial<AlertRuleOptions> | undefined): AlertRules {
  const o = withDefaults("alert rules", DEFAULTS, options);
  const on = expectNumber("on", o.on);
  const off = o.off === undefined ? on : expectNumber("off", o.off, Number.NEGATIVE_INFINITY, on);
  return {
    on,
    off,
    minDurationNs: expectNonNegativeBigint("minDurationNs", o.minDurationNs),
    mergeGapNs: expectNonNegativeBigint("mergeGapNs", o.mergeGapNs),
  };
}
