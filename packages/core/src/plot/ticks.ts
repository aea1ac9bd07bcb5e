/** A labelled position on an axis, in data units. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** About `count` round values (1, 2 or 5 × 10^k apart) inside [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return Number.isFinite(min) ? [min] : [];
  const step = niceStep(span / Math.max(1, count));
  // A step below the values' float resolution cannot be taken: the ends are all that can be told apart.
  if (step <= Math.max(Math.abs(min), Math.abs(max)) * 1e-12) return [min, max];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const out: number[] = [];
  // Multiplying (not adding) keeps the error of each value to one rounding; toPrecision drops it.
  for (let k = first; k <= last; k++) out.push(k === 0 ? 0 : +(k * step).toPrecision(12));
  return out;
}

/** The smallest of 1, 2, 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-12))!;
}

/** A tick value in as few characters as its step needs. */
export function formatTick(value: number, step: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(1);
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 0;
  return value.toFixed(Math.min(decimals, 6));
}

/** `niceTicks` labelled with `formatTick`. */
export function linearTicks(min: number, max: number, count = 5): Tick[] {
  const values = niceTicks(min, max, count);
  const step = values.length > 1 ? values[1]! - values[0]! : Math.abs(values[0] ?? 1) || 1;
  return values.map((value) => ({ value, label: formatTick(value, step) }));
}
