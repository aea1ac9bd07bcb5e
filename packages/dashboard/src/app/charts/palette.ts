/**
 * Colours of the charts, chosen to stay distinguishable on the dark background (canvas and uPlot need
 * literal colours; the CSS variables of app.css hold the same values for the page).
 */
export const colors = {
  text: "#d7dde5",
  muted: "#8b95a3",
  grid: "#252c36",
  axis: "#8b95a3",
  score: "#4c9aff",
  threshold: "#f0b72f",
  alarm: "#f85149",
  ok: "#3fb950",
  eventBand: "rgba(248, 81, 73, 0.16)",
  eventBandOpen: "rgba(248, 81, 73, 0.28)",
  onset: "#ff7b72",
  phase: "#d2a8ff",
} as const;

/** 16 series colours (Tableau-like, lightened for a dark background), cycled beyond 16 channels. */
const seriesColors = [
  "#4c9aff",
  "#f0b72f",
  "#3fb950",
  "#f85149",
  "#bc8cff",
  "#39c5cf",
  "#ff9bce",
  "#d29922",
  "#a5d6ff",
  "#7ee787",
  "#ffa657",
  "#e6edf3",
  "#56d4dd",
  "#db61a2",
  "#8ddb8c",
  "#c69026",
] as const;

export function seriesColor(index: number): string {
  return seriesColors[index % seriesColors.length] as string;
}
