// @vigil/detect: detectors, attribution, the model registry and benchmark harnesses. Folders are
// also importable on their own (e.g. @vigil/detect/baselines), which avoids loading the native
// engine where only classical detectors are needed.
export * from "./attribution/index.ts";
export * from "./baselines/index.ts";
export * from "./benchmark/index.ts";
export * from "./calibration/index.ts";
export * from "./catalog/index.ts";
export type * from "./detector/index.ts";
export * from "./events/index.ts";
export * from "./prognosis/index.ts";
export * from "./registry/index.ts";
export * from "./vae/index.ts";
