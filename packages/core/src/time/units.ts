/** Nanosecond constants: Series timestamps are int64 nanoseconds since the Unix epoch. */
export const NS_PER_MICROSECOND = 1_000n;
export const NS_PER_MILLISECOND = 1_000_000n;
export const NS_PER_SECOND = 1_000_000_000n;
export const NS_PER_DAY = 86_400n * NS_PER_SECOND;

/** Converts seconds (possibly fractional) to int64 ns, rounding to the nearest nanosecond. */
export function secondsToNs(seconds: number): bigint {
  const whole = Math.floor(seconds);
  return BigInt(whole) * NS_PER_SECOND + BigInt(Math.round((seconds - whole) * 1e9));
}

/** Converts an int64 ns duration or instant to (floating-point) seconds. */
export function nsToSeconds(ns: bigint): number {
  const whole = ns / NS_PER_SECOND;
  return Number(whole) + Number(ns - whole * NS_PER_SECOND) / 1e9;
}
