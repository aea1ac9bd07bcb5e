export * from "./candidates/index.ts";
export * from "./confirm/index.ts";
export * from "./evaluate/index.ts";
export * from "./pipeline/index.ts";
export * from "./plot/index.ts";
export * from "./quality/index.ts";
