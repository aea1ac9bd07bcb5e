import { civilFromDays } from "./civil.ts";
import { NS_PER_DAY } from "./units.ts";

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/**
 * int64 ns → ISO-8601 in UTC ("2020-03-09T10:14:33.25Z"). The fraction is written with the fewest
 * of 0 / 3 / 6 / 9 digits that keep it exact, so formatting then parsing gives back the same ns.
 */
export function formatTimestamp(ns: bigint): string {
  let days = ns / NS_PER_DAY;
  let rest = ns - days * NS_PER_DAY;
  if (rest < 0n) {
    days -= 1n;
    rest += NS_PER_DAY;
  }
  const { year, month, day } = civilFromDays(Number(days));
  const secondsOfDay = Number(rest / 1_000_000_000n);
  const fraction = Number(rest % 1_000_000_000n);
  const hh = Math.floor(secondsOfDay / 3600);
  const mm = Math.floor((secondsOfDay % 3600) / 60);
  const ss = secondsOfDay % 60;
  let frac = "";
  if (fraction !== 0) {
    const digits = fraction % 1_000_000 === 0 ? 3 : fraction % 1000 === 0 ? 6 : 9;
    frac = `.${pad(fraction, 9).slice(0, digits)}`;
  }
  const y = year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? "-" : "+"}${pad(Math.abs(year), 6)}`;
  return `${y}-${pad(month, 2)}-${pad(day, 2)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}${frac}Z`;
}
