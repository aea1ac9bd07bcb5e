export * from "./datasets/index.ts";
export * from "./readers/index.ts";
export * from "./simulate/index.ts";
export * from "./store/index.ts";
