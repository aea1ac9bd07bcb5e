export * from "./bundle/index.ts";
