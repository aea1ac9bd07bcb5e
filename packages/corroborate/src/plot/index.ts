export { eventSvg, prCurveSvg, stationHistogramSvg } from "./slac-plots.ts";
export { type Bars, type Line, type Panel, svgPanels } from "./svg-chart.ts";
