export { type EventPlotOptions, eventSvg } from "./event-plot.ts";
export { prCurveSvg } from "./pr-curve-plot.ts";
export { stationHistogramSvg } from "./station-histogram-plot.ts";
