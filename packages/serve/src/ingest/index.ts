export { Ingestor, type IngestorOptions, seriesToReadings } from "./ingestor.ts";
export { checkName, checkValue, isRejection, parseReading, parseRow, parseWireTime } from "./reading.ts";
export { readingsToSeries } from "./readings-to-series.ts";
export { describeRejection, type Rejection, type RejectReason, reject } from "./rejection.ts";
