export { type AnomalyPlotInput, anomalyPlot } from "./anomaly-plot.ts";
export { minMaxDecimate } from "./decimate.ts";
export { formatTick, niceTicks, type TimeTick, timeTicks } from "./ticks.ts";
export {
  type ChartLine,
  type ChartPanel,
  type ChartSpan,
  renderTimeChart,
  type TimeChart,
} from "./time-chart.ts";
