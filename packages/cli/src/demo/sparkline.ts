const BARS = "▁▂▃▄▅▆▇█";

/** A one-line chart of a curve, for terminals: e.g. a loss curve falling from left to right. */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return "";
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return values
    .map((v) =>
      Number.isFinite(v) ? BARS[hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))] : " ",
    )
    .join("");
}
