/**
 * The embedded store's tables. Numeric time series — sensor channels and detector scores alike — are
 * "streams": one row per (asset, namespace, name) with its metadata, and a narrow `points` table of
 * (stream, time, value) that appends fast and prunes time ranges through DuckDB's per-row-group min/max
 * zone maps. `points` has no index on purpose: an index would slow every append.
 */
export const DUCKDB_SCHEMA = `
CREATE SEQUENCE IF NOT EXISTS stream_ids START 1;
CREATE TABLE IF NOT EXISTS streams (
  id INTEGER PRIMARY KEY,
  site VARCHAR NOT NULL,
  machine VARCHAR NOT NULL,
  namespace VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR,
  unit VARCHAR,
  rate_hz DOUBLE,
  role VARCHAR,
  UNIQUE (site, machine, namespace, name)
);
CREATE TABLE IF NOT EXISTS points (stream_id INTEGER NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL);
CREATE TABLE IF NOT EXISTS labels (
  site VARCHAR NOT NULL,
  machine VARCHAR NOT NULL,
  start_ns BIGINT NOT NULL,
  end_ns BIGINT NOT NULL,
  type VARCHAR NOT NULL,
  channel VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
  id VARCHAR PRIMARY KEY,
  site VARCHAR NOT NULL,
  machine VARCHAR NOT NULL,
  start_ns BIGINT NOT NULL,
  end_ns BIGINT NOT NULL,
  type VARCHAR NOT NULL,
  channel VARCHAR,
  severity DOUBLE NOT NULL,
  detail VARCHAR,
  status VARCHAR NOT NULL,
  comment VARCHAR,
  updated_ns BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS models (
  id VARCHAR PRIMARY KEY,
  site VARCHAR,
  machine VARCHAR,
  kind VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  status VARCHAR NOT NULL,
  metrics VARCHAR NOT NULL,
  created_ns BIGINT NOT NULL
);
`;

/** Stream namespaces: what a stream's name means. */
export type StreamNamespace = "channel" | "score";
