export * from "./errors/index.ts";
export * from "./series/index.ts";
export * from "./validate/index.ts";
