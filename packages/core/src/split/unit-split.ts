import { createRng } from "../random/index.ts";
import { expectNumber, withDefaults } from "../validate/index.ts";

/** Whole units per part: no unit contributes rows to more than one part. */
export interface UnitSplit<T> {
  readonly train: T[];
  readonly validation: T[];
  readonly test: T[];
}

export interface UnitSplitOptions<T> {
  /** The unit (engine, machine, run) an item belongs to; items of one unit stay together. */
  unitOf: (item: T) => string | number;
  /** Fraction of units for validation. */
  validation: number;
  /** Fraction of units for test; the rest train. */
  test: number;
  /** Seed of the shuffle that assigns units to parts. */
  seed: number;
}

/**
 * Splits items (per-unit Series for multi-unit data such as C-MAPSS, or rows) by unit: units are shuffled
 * with the seed and cut by fraction, so the split is reproducible and no unit leaks across parts. Each part
 * keeps the items' original order.
 */
export function splitByUnit<T>(
  items: readonly T[],
  options: Partial<UnitSplitOptions<T>> & Pick<UnitSplitOptions<T>, "unitOf">,
): UnitSplit<T> {
  const o = withDefaults(
    "splitByUnit",
    { unitOf: options.unitOf, validation: 0.15, test: 0.15, seed: 0 },
    options,
  );
  expectNumber("validation", o.validation, 0, 1);
  expectNumber("test", o.test, 0, 1 - o.validation);
  const units = [...new Set(items.map(o.unitOf))];
  createRng(o.seed).shuffle(units);
  const nTest = Math.round(units.length * o.test);
  const nValidation = Math.round(units.length * o.validation);
  const part = new Map<string | number, keyof UnitSplit<T>>();
  for (const [i, unit] of units.entries())
    part.set(unit, i < nTest ? "test" : i < nTest + nValidation ? "validation" : "train");
  const out: UnitSplit<T> = { train: [], validation: [], test: [] };
  for (const item of items) out[part.get(o.unitOf(item))!].push(item);
  return out;
}
