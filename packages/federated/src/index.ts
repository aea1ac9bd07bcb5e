// @vigil/federated: federated training across sites that never share raw data. Aggregation, privacy,
// compression and the wire format work on plain typed arrays; only the VAE client uses the engine, so
// the folders other than client/ (and coordinator/, which imports only its interface) load without it.
export * from "./aggregate/index.ts";
export * from "./client/index.ts";
export * from "./compress/index.ts";
export * from "./coordinator/index.ts";
export * from "./privacy/index.ts";
export * from "./update/index.ts";
