export type EpochUnit = "s" | "ms" | "us" | "ns";
export const EPOCH_UNITS: readonly EpochUnit[] = ["s", "ms", "us", "ns"];

/** Nanoseconds in one unit of each epoch unit. */
export const NS_PER_EPOCH_UNIT: Readonly<Record<EpochUnit, bigint>> = {
  s: 1_000_000_000n,
  ms: 1_000_000n,
  us: 1_000n,
  ns: 1n,
};
const DIGITS_PER_UNIT: Record<EpochUnit, number> = { s: 9, ms: 6, us: 3, ns: 0 };

/**
 * Guesses the unit of an epoch number from its magnitude. Thresholds sit between the values each
 * unit takes for dates from 1973 to 5138, so present-day s / ms / µs / ns are told apart reliably;
 * small numbers (before 1973 in ms) are read as seconds.
 */
export function detectEpochUnit(value: number): EpochUnit {
  const a = Math.abs(value);
  if (a < 1e11) return "s";
  if (a < 1e14) return "ms";
  if (a < 1e17) return "us";
  return "ns";
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses an epoch number written in decimal ("1583749473", "1583749473.25", "1604277203201922048")
 * exactly into int64 ns; exponent forms ("1.58e9") go through a double. Returns undefined when the
 * text is not a number. `unit: "auto"` picks the unit from the magnitude (see detectEpochUnit).
 */
export function tryParseEpoch(text: string, unit: EpochUnit | "auto" = "auto"): bigint | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) return undefined;
    const value = Number(text);
    const u = unit === "auto" ? detectEpochUnit(value) : unit;
    return BigInt(Math.round(value * Number(NS_PER_EPOCH_UNIT[u])));
  }
  const [, sign, whole = "", fraction = ""] = m;
  const u = unit === "auto" ? detectEpochUnit(Number(whole)) : unit;
  const digits = DIGITS_PER_UNIT[u];
  // Exact: sub-unit digits beyond ns precision are truncated, not rounded through a double.
  const frac = digits === 0 ? 0n : BigInt(fraction.slice(0, digits).padEnd(digits, "0"));
  const ns = BigInt(whole) * NS_PER_EPOCH_UNIT[u] + frac;
  return sign === "-" ? -ns : ns;
}
