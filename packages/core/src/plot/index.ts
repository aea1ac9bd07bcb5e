export { frameSvg, type PlotArea, xGridSvg, xLabelsSvg, yAxisSvg } from "./axes.ts";
export { type Band, type BandRow, bandSvg } from "./bands.ts";
export { type BarSeries, barEdges, stackedBarsSvg, stackTops } from "./bars.ts";
export { minMaxDecimate } from "./decimate.ts";
export { type LegendEntry, legendSvg } from "./legend.ts";
export { type ChartPanel, type ChartXAxis, type PanelChart, renderPanelChart } from "./panel-chart.ts";
export {
  finiteExtent,
  type LinearScale,
  linearScale,
  type PaddedDomainOptions,
  paddedDomain,
} from "./scale.ts";
export { checkSeriesLengths, type LineSeries, lineSeriesSvg, seriesPath } from "./series.ts";
export {
  element,
  escapeXml,
  type SvgAttributes,
  type SvgDocumentOptions,
  svgDocument,
  svgNumber,
  textElement,
  titleElement,
} from "./svg-document.ts";
export { formatTick, linearTicks, niceStep, niceTicks, type Tick } from "./ticks.ts";
export { timeTicks } from "./time-ticks.ts";
