import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  BIGINT,
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  type DuckDBValue,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import { VigilArgumentError, VigilError } from "@vigil/core/errors";
import type { AssetRef, ChannelInfo, Label, Series } from "@vigil/core/series";
import { validateSeries } from "@vigil/core/series";
import { expectNumber, expectOneOf, expectPositiveInteger, withDefaults } from "@vigil/core/validate";
import { PointWriter, pointsToColumns, readPoints } from "./duckdb-points.ts";
import { channelFromRow, eventFromRow, labelFromRow, modelFromRow, type Row } from "./duckdb-rows.ts";
import { DUCKDB_SCHEMA, type StreamNamespace } from "./duckdb-schema.ts";
import { GroupCommit } from "./group-commit.ts";
import { ReaderPool } from "./reader-pool.ts";
import {
  type AssetQuery,
  EVENT_STATUSES,
  type EventQuery,
  type EventUpdate,
  MODEL_STATUSES,
  type ModelQuery,
  type ModelRecord,
  type ModelStatus,
  type NewEvent,
  type ScoreBatch,
  type ScoreQuery,
  type SeriesQuery,
  type Store,
  type StoredEvent,
  type TimeRange,
} from "./types.ts";

export interface DuckDbStoreOptions {
  /** Database file name inside the workspace directory. */
  fileName: string;
  /** DuckDB worker threads (default: DuckDB's own choice, the number of cores). */
  threads: number | undefined;
  /** Read connections, so that concurrent queries (an API serving several clients) run side by side. */
  readers: number;
}

export const DUCKDB_STORE_DEFAULTS: DuckDbStoreOptions = {
  fileName: "vigil.duckdb",
  threads: undefined,
  readers: 4,
};

interface Open {
  readonly instance: DuckDBInstance;
  /** Writes run on one connection, serialised by the group commit; reads on others see committed data. */
  readonly writer: DuckDBConnection;
  readonly readers: ReaderPool;
  readonly points: PointWriter;
  readonly labels: DuckDBAppender;
  readonly commits: GroupCommit;
  /** (asset, namespace, name) → stream id, as seen by the writer; forgotten when a transaction rolls back. */
  readonly streamIds: Map<string, number>;
}

const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n;
const streamKey = (asset: AssetRef, namespace: StreamNamespace, name: string): string =>
  JSON.stringify([asset.site, asset.machine, namespace, name]);

function expectAsset(asset: unknown): AssetRef {
  const a = asset as Partial<AssetRef> | undefined;
  if (typeof a?.site !== "string" || a.site === "" || typeof a.machine !== "string" || a.machine === "") {
    throw new VigilArgumentError("Expected an asset { site, machine } with non-empty strings", {
      name: "asset",
    });
  }
  return a as AssetRef;
}

/** SQL conditions and their parameters, numbered $1, $2… in the order they are added. */
class Where {
  readonly params: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];
  readonly #conditions: string[] = [];

  /** A condition with no parameter (its values must be trusted, such as ids read from the database). */
  raw(condition: string): this {
    this.#conditions.push(condition);
    return this;
  }

  add(condition: (placeholder: string) => string, value: DuckDBValue, type: DuckDBType): this {
    this.params.push(value);
    this.types.push(type);
    this.#conditions.push(condition(`$${this.params.length}`));
    return this;
  }

  asset(asset: AssetRef | undefined): this {
    if (asset === undefined) return this;
    expectAsset(asset);
    return this.add((p) => `site = ${p}`, asset.site, VARCHAR).add(
      (p) => `machine = ${p}`,
      asset.machine,
      VARCHAR,
    );
  }

  /** Rows overlapping [from, to): a point column gives start = end. */
  range(range: TimeRange, start: string, end: string): this {
    if (range.from !== undefined) this.add((p) => `${end} >= ${p}`, range.from, BIGINT);
    if (range.to !== undefined) this.add((p) => `${start} < ${p}`, range.to, BIGINT);
    return this;
  }

  toString(): string {
    return this.#conditions.length === 0 ? "" : `WHERE ${this.#conditions.join(" AND ")}`;
  }
}

/**
 * The embedded Store: one DuckDB file per workspace (default `./.vigil/vigil.duckdb`), no server.
 * Writes are group-committed (see GroupCommit) and resolve after DuckDB committed them to its
 * write-ahead log, so a process killed after an acknowledged write loses nothing of it.
 * Only one process may open a workspace's file at a time (DuckDB locks it).
 */
export class DuckDbStore implements Store {
  /** The database file. */
  readonly path: string;
  readonly #open: Promise<Open>;
  #closed = false;

  constructor(workspaceDir = ".vigil", options?: Partial<DuckDbStoreOptions>) {
    const o = withDefaults("DuckDbStore options", DUCKDB_STORE_DEFAULTS, options);
    expectPositiveInteger("readers", o.readers);
    this.path = join(workspaceDir, o.fileName);
    this.#open = this.#connect(workspaceDir, o);
    // Failures surface on the first call; this keeps an unused failed store from crashing the process.
    this.#open.catch(() => undefined);
  }

  /** Resolves once the file is open and its schema in place (calls wait for this themselves). */
  async ready(): Promise<this> {
    await this.#state();
    return this;
  }

  async #connect(workspaceDir: string, o: DuckDbStoreOptions): Promise<Open> {
    await mkdir(workspaceDir, { recursive: true });
    const instance = await DuckDBInstance.create(
      this.path,
      o.threads === undefined ? {} : { threads: String(o.threads) },
    );
    const writer = await instance.connect();
    await writer.run(DUCKDB_SCHEMA);
    const points = new PointWriter(await writer.createAppender("points"));
    const labels = await writer.createAppender("labels");
    const streamIds = new Map<string, number>();
    const commits = new GroupCommit(
      async (sql) => void (await writer.run(sql)),
      () => {
        streamIds.clear();
        points.clear();
        labels.clear();
      },
      // One appender flush per transaction, not one per append: a flush costs milliseconds whatever
      // its size, and group commit gathers many small appends (ingest messages, score chunks) into one.
      () => points.flush(),
    );
    return {
      instance,
      writer,
      readers: new ReaderPool(instance, o.readers),
      points,
      labels,
      commits,
      streamIds,
    };
  }

  async #state(): Promise<Open> {
    if (this.#closed) throw new VigilError("STORE_CLOSED", `The store ${this.path} is closed`);
    return this.#open;
  }

  async #write<T>(work: (state: Open) => Promise<T>): Promise<T> {
    const state = await this.#state();
    let result: T | undefined;
    await state.commits.submit(async () => {
      result = await work(state);
    });
    return result as T;
  }

  async #rows(sql: string, where: Where = new Where()): Promise<Row[]> {
    const { readers } = await this.#state();
    return readers.use(async (reader) => {
      const result = await reader.runAndReadAll(sql, where.params, where.types);
      return result.getRowObjectsJS() as Row[];
    });
  }

  /** The stream's id, registering it inside the current transaction when new. */
  async #streamId(
    state: Open,
    asset: AssetRef,
    namespace: StreamNamespace,
    name: string,
    info?: ChannelInfo,
  ) {
    const key = streamKey(asset, namespace, name);
    const cached = state.streamIds.get(key);
    if (cached !== undefined) return cached;
    const found = await state.writer.runAndReadAll(
      "SELECT id FROM streams WHERE site = $1 AND machine = $2 AND namespace = $3 AND name = $4",
      [asset.site, asset.machine, namespace, name],
    );
    let id = found.getRows()[0]?.[0] as number | undefined;
    if (id === undefined) {
      const inserted = await state.writer.runAndReadAll(
        "INSERT INTO streams VALUES (nextval('stream_ids'), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        [
          asset.site,
          asset.machine,
          namespace,
          name,
          info?.kind ?? null,
          info?.unit ?? null,
          info?.rateHz ?? null,
          info?.role ?? null,
        ],
        [VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, DOUBLE, VARCHAR],
      );
      id = inserted.getRows()[0]![0] as number;
    }
    state.streamIds.set(key, id);
    return id;
  }

  async appendSeries(series: Series): Promise<number> {
    const asset = expectAsset(series.asset);
    validateSeries(series);
    return this.#write(async (state) => {
      let written = 0;
      for (const [c, info] of series.channels.entries()) {
        const id = await this.#streamId(state, asset, "channel", info.name, info);
        written += state.points.add(id, series.timestamps, series.values[c]!);
      }
      return written;
    });
  }

  async #streams(asset: AssetRef, namespace: StreamNamespace): Promise<Row[]> {
    const where = new Where().asset(asset).add((p) => `namespace = ${p}`, namespace, VARCHAR);
    return this.#rows(`SELECT * FROM streams ${where} ORDER BY id`, where);
  }

  async listAssets(): Promise<AssetRef[]> {
    const rows = await this.#rows("SELECT DISTINCT site, machine FROM streams ORDER BY site, machine");
    return rows.map((r) => ({ site: String(r.site), machine: String(r.machine) }));
  }

  async listChannels(asset: AssetRef): Promise<ChannelInfo[]> {
    return (await this.#streams(asset, "channel")).map(channelFromRow);
  }

  async lastReading(asset: AssetRef): Promise<bigint | undefined> {
    const ids = (await this.#streams(asset, "channel")).map((row) => Number(row.id));
    if (ids.length === 0) return undefined;
    const [row] = await this.#rows(
      `SELECT max(ts) AS last FROM points WHERE stream_id IN (${ids.join(",")})`,
    );
    const last = row?.last;
    return last === null || last === undefined ? undefined : BigInt(last as bigint | number);
  }

  async #readStreams(ids: readonly number[], range: TimeRange) {
    const { readers } = await this.#state();
    const where = new Where().raw(`stream_id IN (${ids.join(",")})`).range(range, "ts", "ts");
    return readers.use((reader) =>
      readPoints(reader, `SELECT stream_id, ts, value FROM points ${where} ORDER BY ts`, where.params),
    );
  }

  async querySeries(query: SeriesQuery): Promise<Series> {
    const asset = expectAsset(query.asset);
    const rows = await this.#streams(asset, "channel");
    const chosen = (query.channels ?? rows.map((r) => String(r.name))).map((name) => {
      const row = rows.find((r) => r.name === name);
      if (row === undefined) {
        throw new VigilError("STORE_NOT_FOUND", `No channel "${name}" for ${asset.site}/${asset.machine}`);
      }
      return row;
    });
    const channels = chosen.map(channelFromRow);
    if (chosen.length === 0) return { asset, timestamps: new BigInt64Array(0), channels, values: [] };
    const ids = chosen.map((r) => Number(r.id));
    const { timestamps, values } = pointsToColumns(await this.#readStreams(ids, query), ids);
    return { asset, timestamps, channels, values };
  }

  async appendLabels(asset: AssetRef, labels: readonly Label[]): Promise<void> {
    expectAsset(asset);
    await this.#write(async (state) => {
      for (const l of labels) {
        state.labels.appendVarchar(asset.site);
        state.labels.appendVarchar(asset.machine);
        state.labels.appendBigInt(l.start);
        state.labels.appendBigInt(l.end);
        state.labels.appendVarchar(l.type);
        if (l.channel === undefined) state.labels.appendNull();
        else state.labels.appendVarchar(l.channel);
        state.labels.endRow();
      }
      state.labels.flushSync();
    });
  }

  async queryLabels(query: AssetQuery): Promise<Label[]> {
    const where = new Where().asset(query.asset).range(query, "start_ns", "end_ns");
    return (await this.#rows(`SELECT * FROM labels ${where} ORDER BY start_ns, end_ns`, where)).map(
      labelFromRow,
    );
  }

  async appendScores(batch: ScoreBatch): Promise<number> {
    const asset = expectAsset(batch.asset);
    if (batch.timestamps.length !== batch.scores.length) {
      throw new VigilArgumentError(
        `Expected as many scores as timestamps but received ${batch.scores.length} and ${batch.timestamps.length}`,
        { name: "scores" },
      );
    }
    return this.#write(async (state) => {
      const id = await this.#streamId(state, asset, "score", batch.model);
      return state.points.add(id, batch.timestamps, batch.scores);
    });
  }

  async queryScores(query: ScoreQuery): Promise<ScoreBatch> {
    const asset = expectAsset(query.asset);
    const row = (await this.#streams(asset, "score")).find((r) => r.name === query.model);
    if (row === undefined)
      return { asset, model: query.model, timestamps: new BigInt64Array(0), scores: new Float64Array(0) };
    const points = await this.#readStreams([Number(row.id)], query);
    return { asset, model: query.model, timestamps: points.timestamps, scores: points.values };
  }

  async appendEvent(event: NewEvent): Promise<StoredEvent> {
    expectAsset(event.asset);
    const stored: StoredEvent = { ...event, id: randomUUID(), status: "open", updated: nowNs() };
    await this.#write(async ({ writer }) => {
      await writer.run(
        "INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11)",
        [
          stored.id,
          event.asset.site,
          event.asset.machine,
          event.start,
          event.end,
          event.type,
          event.channel ?? null,
          event.severity,
          event.detail === undefined ? null : JSON.stringify(event.detail),
          stored.status,
          stored.updated,
        ],
        [VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, VARCHAR, VARCHAR, DOUBLE, VARCHAR, VARCHAR, BIGINT],
      );
    });
    return stored;
  }

  async updateEvent(id: string, update: EventUpdate): Promise<StoredEvent> {
    const u = withDefaults(
      "event update",
      {
        status: undefined,
        comment: undefined,
        end: undefined,
        severity: undefined,
        channel: undefined,
        detail: undefined,
      } as EventUpdate,
      update,
    );
    if (u.status !== undefined) expectOneOf("status", u.status, EVENT_STATUSES);
    if (u.end !== undefined && typeof u.end !== "bigint")
      throw new VigilArgumentError("Expected end as bigint ns", { name: "end" });
    if (u.severity !== undefined) expectNumber("severity", u.severity);
    return this.#write(async ({ writer }) => {
      const result = await writer.runAndReadAll(
        `UPDATE events SET status = coalesce($2, status), comment = coalesce($3, comment), updated_ns = $4,
           end_ns = coalesce($5, end_ns), severity = coalesce($6, severity), channel = coalesce($7, channel),
           detail = coalesce($8, detail)
         WHERE id = $1 RETURNING *`,
        [
          id,
          u.status ?? null,
          u.comment ?? null,
          nowNs(),
          u.end ?? null,
          u.severity ?? null,
          u.channel ?? null,
          u.detail === undefined ? null : JSON.stringify(u.detail),
        ],
        [VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT, DOUBLE, VARCHAR, VARCHAR],
      );
      const row = (result.getRowObjectsJS() as Row[])[0];
      if (row === undefined) throw new VigilError("STORE_NOT_FOUND", `No event with id ${id}`);
      return eventFromRow(row);
    });
  }

  async queryEvents(query: EventQuery): Promise<StoredEvent[]> {
    const where = new Where().asset(query.asset).range(query, "start_ns", "end_ns");
    if (query.status !== undefined) {
      where.add((p) => `status = ${p}`, expectOneOf("status", query.status, EVENT_STATUSES), VARCHAR);
    }
    return (await this.#rows(`SELECT * FROM events ${where} ORDER BY start_ns, id`, where)).map(eventFromRow);
  }

  async getEvent(id: string): Promise<StoredEvent | undefined> {
    const where = new Where().add((p) => `id = ${p}`, id, VARCHAR);
    const [row] = await this.#rows(`SELECT * FROM events ${where}`, where);
    return row === undefined ? undefined : eventFromRow(row);
  }

  async putModel(record: ModelRecord): Promise<void> {
    expectOneOf("status", record.status, MODEL_STATUSES);
    if (record.asset !== undefined) expectAsset(record.asset);
    await this.#write(async ({ writer }) => {
      await writer.run(
        "INSERT OR REPLACE INTO models VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        [
          record.id,
          record.asset?.site ?? null,
          record.asset?.machine ?? null,
          record.kind,
          record.version,
          record.status,
          JSON.stringify(record.metrics),
          record.created,
        ],
        [VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, BIGINT],
      );
    });
  }

  async setModelStatus(id: string, status: ModelStatus): Promise<ModelRecord> {
    expectOneOf("status", status, MODEL_STATUSES);
    return this.#write(async ({ writer }) => {
      const result = await writer.runAndReadAll("UPDATE models SET status = $2 WHERE id = $1 RETURNING *", [
        id,
        status,
      ]);
      const row = (result.getRowObjectsJS() as Row[])[0];
      if (row === undefined) throw new VigilError("STORE_NOT_FOUND", `No model with id ${id}`);
      return modelFromRow(row);
    });
  }

  async queryModels(query: ModelQuery): Promise<ModelRecord[]> {
    const where = new Where().asset(query.asset);
    if (query.kind !== undefined) where.add((p) => `kind = ${p}`, query.kind, VARCHAR);
    if (query.status !== undefined) {
      where.add((p) => `status = ${p}`, expectOneOf("status", query.status, MODEL_STATUSES), VARCHAR);
    }
    return (
      await this.#rows(`SELECT * FROM models ${where} ORDER BY created_ns DESC, version DESC`, where)
    ).map(modelFromRow);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    const state = await this.#state();
    this.#closed = true;
    await state.commits.settled();
    state.points.close();
    state.labels.closeSync();
    state.writer.closeSync();
    state.readers.closeSync();
    state.instance.closeSync();
  }
}
