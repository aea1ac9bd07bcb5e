import { svgEl } from "../dom.ts";
import { formatPercent } from "../format.ts";
import { colors } from "./palette.ts";

export interface RankedChannel {
  readonly channel: string;
  readonly contribution: number;
}

const barHeight = 22;
const labelWidth = 150;
const valueWidth = 70;
const chartWidth = 640;

/**
 * The most affected sensors as horizontal bars, largest first (the order the service ranked them in),
 * each bar a `root-cause-bar` with its channel in data-channel. SVG: a dozen bars, crisp at any zoom.
 */
export function renderRankingBars(
  ranking: readonly RankedChannel[],
  options: { readonly maxBars?: number; readonly onSelect?: (channel: string) => void } = {},
): SVGSVGElement {
  const shown = ranking.slice(0, options.maxBars ?? 12);
  const largest = Math.max(1e-12, ...shown.map((entry) => entry.contribution));
  const barArea = chartWidth - labelWidth - valueWidth;
  const height = shown.length * barHeight + 4;
  const svg = svgEl("svg", {
    class: "bars",
    viewBox: `0 0 ${chartWidth} ${height}`,
    width: "100%",
    "data-testid": "root-cause-ranking",
    role: "img",
    "aria-label": "Most affected sensors",
  });
  shown.forEach((entry, rank) => {
    const y = rank * barHeight + 2;
    const width = Math.max(1, (entry.contribution / largest) * barArea);
    const bar = svgEl(
      "g",
      { "data-testid": "root-cause-bar", "data-channel": entry.channel, "data-rank": rank + 1 },
      [
        svgEl("title", {}, [`${entry.channel}: ${formatPercent(entry.contribution)} of the anomaly`]),
        svgEl(
          "text",
          { x: labelWidth - 8, y: y + barHeight / 2, "text-anchor": "end", "dominant-baseline": "middle" },
          [entry.channel],
        ),
        svgEl("rect", {
          x: labelWidth,
          y: y + 3,
          width,
          height: barHeight - 6,
          rx: 2,
          fill: rank === 0 ? colors.alarm : colors.score,
        }),
        svgEl(
          "text",
          { class: "value", x: labelWidth + width + 6, y: y + barHeight / 2, "dominant-baseline": "middle" },
          [formatPercent(entry.contribution)],
        ),
      ],
    );
    if (options.onSelect) {
      bar.style.cursor = "pointer";
      bar.addEventListener("click", () => options.onSelect?.(entry.channel));
    }
    svg.append(bar);
  });
  return svg;
}
