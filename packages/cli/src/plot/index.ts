export { type AnomalyPlotInput, anomalyPlot } from "./anomaly-plot.ts";
