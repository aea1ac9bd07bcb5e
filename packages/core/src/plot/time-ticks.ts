import { civilFromDays, daysFromCivil } from "../time/index.ts";
import { niceStep, type Tick } from "./ticks.ts";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const WEEK = 7 * DAY;
/** Mean Gregorian month and year, only to choose a step; the ticks themselves fall on calendar dates. */
const MONTH = 30.436875 * DAY;
const YEAR = 365.2425 * DAY;
/** 1970-01-05 was a Monday: weekly ticks start weeks there, not on the epoch's Thursday. */
const MONDAY = 4 * DAY;

/** Steps of whole seconds up to two weeks, each dividing the next unit so ticks fall on round times. */
const CLOCK_STEPS = [
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
  WEEK,
  2 * WEEK,
];
const MONTH_STEPS = [1, 2, 3, 6];

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function civil(seconds: number) {
  const days = Math.floor(seconds / DAY);
  return { ...civilFromDays(days), secondOfDay: seconds - days * DAY };
}

const dateLabel = (t: number): string => {
  const { year, month, day } = civil(t);
  return `${year}-${pad(month)}-${pad(day)}`;
};

/** "HH:MM", "HH:MM:SS" or "HH:MM:SS.fff", whichever `step` needs; midnight shows the date instead. */
function clockLabel(t: number, step: number): string {
  const decimals = step < 1 ? Math.min(9, Math.max(1, -Math.floor(Math.log10(step) + 1e-9))) : 0;
  const fixed = civil(t).secondOfDay.toFixed(decimals);
  const whole = Math.floor(Number(fixed));
  if (whole >= DAY || (step >= MINUTE && whole === 0)) return dateLabel(Math.round(t / DAY) * DAY);
  const hhmm = `${pad(Math.floor(whole / HOUR))}:${pad(Math.floor((whole % HOUR) / MINUTE))}`;
  if (step >= MINUTE) return hhmm;
  const fraction = decimals > 0 ? fixed.slice(fixed.indexOf(".")) : "";
  return `${hhmm}:${pad(whole % MINUTE)}${fraction}`;
}

/** Ticks `offset + k · step` inside [start, end]. */
function regularTicks(
  start: number,
  end: number,
  step: number,
  offset: number,
  label: (t: number) => string,
) {
  const out: Tick[] = [];
  for (let k = Math.ceil((start - offset) / step - 1e-9); offset + k * step <= end + step * 1e-9; k++) {
    const value = offset + k * step;
    out.push({ value, label: label(value) });
  }
  return out;
}

/** Ticks on the first day of every `months`-th month (January-aligned), labelled "YYYY-MM" or "YYYY". */
function calendarTicks(start: number, end: number, months: number): Tick[] {
  const { year, month } = civil(start);
  const out: Tick[] = [];
  for (let index = Math.ceil((year * 12 + month - 1) / months) * months; ; index += months) {
    const y = Math.floor(index / 12);
    const m = index - 12 * y + 1;
    const value = daysFromCivil(y, m, 1) * DAY;
    if (value > end) return out;
    if (value >= start) out.push({ value, label: months % 12 === 0 ? String(y) : `${y}-${pad(m)}` });
  }
}

/**
 * About `count` UTC ticks over [start, end] (seconds since the epoch) at a calendar step: round
 * (sub)seconds, minutes and hours, days, Monday-started weeks, first days of months, or New Year's
 * days. Labels show only what changes at that step ("10:20", "2024-01-02", "2024-03", "2024").
 */
export function timeTicks(start: number, end: number, count = 6): Tick[] {
  const span = end - start;
  if (!Number.isFinite(start)) return [];
  if (!(span > 0) || !Number.isFinite(span)) return [{ value: start, label: clockLabel(start, 1) }];
  const raw = span / Math.max(1, count);
  if (raw < 1) {
    const step = niceStep(raw);
    return regularTicks(start, end, step, 0, (t) => clockLabel(t, step));
  }
  const clock = CLOCK_STEPS.find((s) => s >= raw);
  if (clock !== undefined) {
    if (clock < DAY) return regularTicks(start, end, clock, 0, (t) => clockLabel(t, clock));
    return regularTicks(start, end, clock, clock >= WEEK ? MONDAY : 0, dateLabel);
  }
  const months = MONTH_STEPS.find((m) => m * MONTH >= raw);
  return calendarTicks(start, end, months ?? 12 * Math.round(niceStep(raw / YEAR)));
}
