export { DUCKDB_STORE_DEFAULTS, DuckDbStore, type DuckDbStoreOptions } from "./duckdb-store.ts";
export * from "./types.ts";
