export { Counter, Gauge, Histogram, type Instrument } from "./instruments.ts";
export { type IngestSource, ServiceMetrics } from "./service-metrics.ts";
