import { VigilArgumentError } from "../errors/index.ts";
import { sliceByIndex, sliceByTime } from "../series/slice.ts";
import type { Series } from "../series/types.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";

/** Consecutive, non-overlapping parts of one series: train before validation before test. */
export interface SeriesSplit {
  readonly train: Series;
  readonly validation: Series;
  readonly test: Series;
}

export interface FractionSplitOptions {
  /** Fraction of rows for training (the earliest rows). */
  train: number;
  /** Fraction of rows for validation (the rows after training); the rest is the test part. */
  validation: number;
}

const FRACTION_DEFAULTS: FractionSplitOptions = { train: 0.7, validation: 0.15 };

/**
 * Splits by time order at row fractions (rows are in time order, so no future row reaches training).
 * Parts are zero-copy views; labels are clipped to each part.
 */
export function splitByFraction(series: Series, options?: Partial<FractionSplitOptions>): SeriesSplit {
  const o = withDefaults("splitByFraction", FRACTION_DEFAULTS, options);
  expectNumber("train", o.train, 0, 1);
  expectNumber("validation", o.validation, 0, 1 - o.train);
  const n = series.timestamps.length;
  const a = Math.round(n * o.train);
  const b = Math.round(n * (o.train + o.validation));
  return {
    train: sliceByIndex(series, 0, a),
    validation: sliceByIndex(series, a, b),
    test: sliceByIndex(series, b, n),
  };
}

export interface TimeCutSplitOptions {
  /** First timestamp (ns) of the validation part; rows before it train. */
  validationStart: bigint;
  /** First timestamp (ns) of the test part. */
  testStart: bigint;
}

/** Splits at timestamp cuts: train < validationStart ≤ validation < testStart ≤ test. */
export function splitByTime(series: Series, options: TimeCutSplitOptions): SeriesSplit {
  const o = withDefaults<Partial<TimeCutSplitOptions>>(
    "splitByTime",
    { validationStart: undefined, testStart: undefined },
    options,
  );
  if (
    typeof o.validationStart !== "bigint" ||
    typeof o.testStart !== "bigint" ||
    o.testStart < o.validationStart
  ) {
    throw new VigilArgumentError(
      `Expected bigint cuts with validationStart <= testStart but received ${o.validationStart} and ${o.testStart}`,
    );
  }
  return {
    train: sliceByTime(series, { to: o.validationStart }),
    validation: sliceByTime(series, { from: o.validationStart, to: o.testStart }),
    test: sliceByTime(series, { from: o.testStart }),
  };
}
