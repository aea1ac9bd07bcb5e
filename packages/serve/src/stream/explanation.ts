import type { Explanation } from "../api/contract.ts";
import type { HistoryStep } from "./score-history.ts";

const ms = (t: bigint) => Number(t / 1_000_000n);

/**
 * An event's explanation from the detector's per-step channel contributions (additive parts of the
 * score, the same quantity detect's attributeEvent ranks by as "error share"): channels ranked by their
 * share of the positive contributions over the event's steps, the contribution heatmap over time ×
 * channel from a little before the onset, and the score components over the same span.
 */
export function buildExplanation(
  channels: readonly string[],
  span: readonly HistoryStep[],
  event: { readonly start: bigint; readonly end: bigint },
): Explanation {
  const inEvent = span.filter((s) => s.t >= event.start && s.t <= event.end);
  const totals = new Float64Array(channels.length);
  for (const s of inEvent)
    for (let c = 0; c < channels.length; c++) {
      const v = s.contributions[c]!;
      if (Number.isFinite(v) && v > 0) totals[c]! += v;
    }
  const sum = totals.reduce((a, b) => a + b, 0);
  const ranking = channels
    .map((channel, c) => ({ channel, contribution: sum === 0 ? 0 : totals[c]! / sum }))
    .sort((a, b) => b.contribution - a.contribution);
  const timestamps = span.map((s) => ms(s.t));
  const names = [...new Set(span.flatMap((s) => Object.keys(s.components)))].sort();
  return {
    onset: ms(event.start),
    ranking,
    heatmap: {
      timestamps,
      channels: [...channels],
      values: channels.map((_, c) =>
        span.map((s) => (Number.isFinite(s.contributions[c]!) ? s.contributions[c]! : 0)),
      ),
    },
    components: Object.fromEntries(
      names.map((n) => [n, span.map((s) => (Number.isFinite(s.components[n]!) ? s.components[n]! : 0))]),
    ),
    componentTimestamps: timestamps,
  };
}
