import { daysFromCivil, daysInMonth } from "./civil.ts";

/** Value of `count` ASCII digits at `at`, or -1 if any is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Zone at `at` ("Z", "+02", "+0200", "+02:00") in minutes east of UTC, or undefined if malformed. */
function zoneAt(text: string, at: number): number | undefined {
  const c = text[at];
  if (c === "Z" || c === "z") return at + 1 === text.length ? 0 : undefined;
  if (c !== "+" && c !== "-") return undefined;
  const hours = digitsAt(text, at + 1, 2);
  const rest = text.length - (at + 3);
  const minuteAt = text[at + 3] === ":" ? at + 4 : at + 3;
  const minutes = rest === 0 ? 0 : text.length - minuteAt === 2 ? digitsAt(text, minuteAt, 2) : -1;
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return undefined;
  return (c === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Parses ISO-8601 / "YYYY-MM-DD HH:MM[:SS[.fffffffff]][zone]" into int64 ns since the epoch, exactly
 * (Date.parse stops at milliseconds). A time without a zone is read at `defaultOffsetMinutes`
 * (0 = UTC). Returns undefined for text that is not such a timestamp or names an impossible date.
 * Hand-written rather than a regular expression because readers call it once per row.
 */
export function tryParseIsoTimestamp(text: string, defaultOffsetMinutes = 0): bigint | undefined {
  const n = text.length;
  if (n < 10 || text[4] !== "-" || text[7] !== "-") return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0n;
  let at = 10;
  const sep = text[10];
  if (sep === "T" || sep === "t" || (sep === " " && digitsAt(text, 11, 1) >= 0)) {
    hour = digitsAt(text, 11, 2);
    minute = text[13] === ":" ? digitsAt(text, 14, 2) : -1;
    at = 16;
    if (text[16] === ":") {
      second = digitsAt(text, 17, 2);
      at = 19;
      if (text[19] === "." || text[19] === ",") {
        let end = 20;
        while (end < n && end < 29 && digitsAt(text, end, 1) >= 0) end++;
        if (end === 20 || digitsAt(text, end, 1) >= 0) return undefined;
        fraction = BigInt(text.slice(20, end).padEnd(9, "0"));
        at = end;
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  }
  while (text[at] === " ") at++;
  const offset = at === n ? defaultOffsetMinutes : zoneAt(text, at);
  if (offset === undefined) return undefined;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60;
  return BigInt(seconds) * 1_000_000_000n + fraction;
}
