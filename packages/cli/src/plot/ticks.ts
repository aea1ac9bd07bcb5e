import { formatTimestamp } from "@vigil/core/time";

/** About `count` round values (1, 2 or 5 × 10^k apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [min];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  }
  return out;
}

/** A tick value as few characters as its step needs. */
export function formatTick(v: number, step: number): string {
  if (v !== 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) return v.toExponential(1);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(Math.min(decimals, 6));
}

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
/** Calendar-friendly steps between time ticks, in seconds. */
const TIME_STEPS = [
  1,
  2,
  5,
  10,
  15,
  30,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

export interface TimeTick {
  /** Seconds since the Unix epoch. */
  readonly seconds: number;
  readonly label: string;
}

/**
 * About `count` UTC ticks at a calendar-friendly step over [start, end] (seconds since the epoch),
 * labelled with only the parts that change at that step: seconds, minutes, or dates.
 */
export function timeTicks(start: number, end: number, count = 6): TimeTick[] {
  const span = end - start;
  if (!(span > 0)) return [{ seconds: start, label: timeLabel(start, SECOND) }];
  const step = TIME_STEPS.find((s) => s >= span / count) ?? Math.ceil(span / count / DAY) * DAY;
  const out: TimeTick[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    out.push({ seconds: t, label: timeLabel(t, step) });
  }
  return out;
}

function timeLabel(seconds: number, step: number): string {
  const iso = formatTimestamp(BigInt(Math.round(seconds)) * 1_000_000_000n);
  if (step >= DAY) return iso.slice(0, 10);
  if (step >= MINUTE) return iso.slice(11, 16);
  return iso.slice(11, 19);
}
