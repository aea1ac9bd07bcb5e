const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * Labels for time-axis ticks in 24-hour local time, as precise as the tick spacing needs (ms, seconds,
 * minutes or days). A tick that starts a new day, and the first tick, carry the date too, so a chart
 * spanning midnight is not ambiguous; every label is one line, so neighbours never overlap.
 */
export function timeTickLabels(ticks: readonly number[], incrementMs: number): string[] {
  let previousDay: string | undefined;
  return ticks.map((tick) => {
    const d = new Date(tick);
    const day = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const newDay = day !== previousDay;
    previousDay = day;
    if (incrementMs >= 86_400_000) return day;
    const minutes = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
    let time = minutes;
    if (incrementMs < 60_000) time = `${minutes}:${pad(d.getSeconds())}`;
    if (incrementMs < 1000) time = `${time}.${pad(d.getMilliseconds(), 3)}`;
    return newDay ? `${day} ${time}` : time;
  });
}
