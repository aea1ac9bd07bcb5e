export { concatSeries } from "./concat.ts";
export {
  type ChannelSpec,
  type SeriesFromColumnsOptions,
  type SeriesFromRowsOptions,
  seriesFromColumns,
  seriesFromRows,
  toChannelInfo,
} from "./from-columns.ts";
export { countLabels, labelsFromFlags } from "./labels.ts";
export { selectChannels } from "./select.ts";
export { SeriesBuilder } from "./series-builder.ts";
export { lowerBound, sliceByIndex, sliceByTime } from "./slice.ts";
export { type ChannelSummary, type SeriesSummary, summarizeSeries } from "./summary.ts";
export * from "./types.ts";
export { validateSeries } from "./validate-series.ts";
