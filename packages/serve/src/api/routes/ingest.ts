import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { VigilInputError } from "@vigil/core/errors";
import type { AssetRef } from "@vigil/core/series";
import { readSeries, type SeriesFormat } from "@vigil/data/readers";
import type { FastifyInstance } from "fastify";
import { SERVE_ERRORS } from "../../errors/index.ts";
import {
  describeRejection,
  isRejection,
  parseReading,
  parseRow,
  type Rejection,
} from "../../ingest/index.ts";
import type { StreamReading } from "../../stream/types.ts";
import type { ApiContext } from "../context.ts";
import type { IngestResponse } from "../contract.ts";
import { apiError } from "../error-status.ts";
import { assetParams, errorResponses, ingestResponseSchema } from "../schemas.ts";
import { assetOf } from "../wire.ts";

/** Rejections reported in a response; the metric counts them all. */
const MAX_REPORTED = 100;

/** Upload content types and the reader each goes to ("rows" = a JSON array of row objects). */
const UPLOAD_TYPES: Readonly<Record<string, SeriesFormat | "rows">> = {
  "text/csv": "csv",
  "text/tab-separated-values": "csv",
  "text/plain": "csv",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/json": "rows",
  "application/vnd.apache.parquet": "parquet",
  "application/x-parquet": "parquet",
  "application/vnd.apache.arrow.file": "arrow",
};

const EXTENSIONS: Readonly<Record<SeriesFormat, string>> = {
  csv: ".csv",
  jsonl: ".jsonl",
  parquet: ".parquet",
  arrow: ".arrow",
};

function report(rejections: readonly { index: number; rejection: Rejection }[]): IngestResponse["errors"] {
  return rejections
    .slice(0, MAX_REPORTED)
    .map((r) => ({ index: r.index, reason: describeRejection(r.rejection) }));
}

interface UploadQuery {
  format?: SeriesFormat;
  timeColumn?: string;
  onError: "skip" | "fail";
}

/** POST /api/ingest (JSON readings) and POST /api/assets/:site/:machine/upload (files). */
export function registerIngestRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post<{ Body: { readings: unknown[] } }>(
    "/api/ingest",
    {
      config: { scope: "ingest" },
      schema: {
        tags: ["ingest"],
        summary: "Readings as JSON; each is validated on its own, valid ones are stored before the answer",
        description:
          "Each reading is {site, machine, channel, t (ms since epoch or ISO-8601), v (finite number)}. " +
          "Invalid readings are rejected with their index and reason and counted; the valid ones are durable when the response arrives.",
        body: {
          type: "object",
          required: ["readings"],
          additionalProperties: false,
          properties: {
            readings: {
              type: "array",
              maxItems: ctx.config.limits.readingsPerRequest,
              items: {
                type: "object",
                description:
                  "{site, machine, channel, t, v} (checked one by one, so one bad reading does not sink the rest)",
              },
            },
          },
        },
        response: { 200: ingestResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<IngestResponse> => {
      const valid: StreamReading[] = [];
      const rejected: { index: number; rejection: Rejection }[] = [];
      request.body.readings.forEach((item, index) => {
        const r = parseReading(item, `readings[${index}]`);
        if (isRejection(r)) rejected.push({ index, rejection: r });
        else valid.push(r);
      });
      for (const r of rejected) ctx.ingestor.rejected("http", r.rejection);
      const accepted = await ctx.ingestor.ingest(valid, "http");
      return { accepted, rejected: rejected.length, errors: report(rejected) };
    },
  );

  // Upload bodies arrive whole as a Buffer; the readers work on files, so the buffer is written to
  // a temporary file under the workspace and removed afterwards.
  app.addContentTypeParser(
    Object.keys(UPLOAD_TYPES).filter((t) => t !== "application/json" && t !== "text/plain"),
    { parseAs: "buffer", bodyLimit: ctx.config.limits.uploadBytes },
    (_request, body, done) => done(null, body),
  );
  app.addContentTypeParser(
    "text/plain",
    { parseAs: "buffer", bodyLimit: ctx.config.limits.uploadBytes },
    (_r, body, done) => done(null, body),
  );

  app.post<{ Params: AssetRef; Querystring: UploadQuery; Body: unknown }>(
    "/api/assets/:site/:machine/upload",
    {
      config: { scope: "ingest" },
      bodyLimit: ctx.config.limits.uploadBytes,
      schema: {
        tags: ["ingest"],
        summary:
          "Upload a file of readings for one asset: CSV/TSV, JSON Lines, a JSON array of rows, Parquet or Arrow",
        description:
          "Content-Type picks the reader: text/csv, application/x-ndjson, application/json " +
          '([{"t": ..., "<channel>": v, ...}]), application/vnd.apache.parquet, application/vnd.apache.arrow.file. ' +
          "Malformed rows are skipped and reported (onError=skip, the default) or fail the upload (onError=fail); " +
          "the accepted rows are stored in one transaction.",
        params: assetParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            format: {
              type: "string",
              enum: ["csv", "jsonl", "parquet", "arrow"],
              description: "overrides Content-Type",
            },
            timeColumn: { type: "string" },
            onError: { type: "string", enum: ["skip", "fail"], default: "skip" },
          },
        },
        response: { 200: ingestResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<IngestResponse> => {
      const asset = assetOf(request.params);
      const contentType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      const format = request.query.format ?? UPLOAD_TYPES[contentType];
      if (format === undefined) {
        throw apiError(
          SERVE_ERRORS.unsupportedMedia,
          `Cannot read Content-Type "${contentType}"; use one of ${Object.keys(UPLOAD_TYPES).join(", ")} or ?format=`,
          "headers/content-type",
        );
      }
      if (format === "rows") return ingestRows(ctx, asset, request.body, request.query.onError);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw apiError(SERVE_ERRORS.badRequest, "The upload is empty", "body");
      }
      const dir = join(ctx.config.home, "tmp");
      await mkdir(dir, { recursive: true });
      const path = join(dir, `upload-${randomUUID()}${EXTENSIONS[format]}`);
      try {
        await writeFile(path, body);
        const result = await readSeries(path, {
          format,
          onError: request.query.onError,
          timeColumn: request.query.timeColumn,
        }).catch((error: unknown) => {
          // The reader names the temporary file; the client knows it as the request body.
          if (error instanceof VigilInputError) {
            throw apiError(SERVE_ERRORS.badRequest, error.message.replace(path, "body"), "body");
          }
          throw error;
        });
        const accepted = await ctx.ingestor.ingestSeries([{ ...result.series, asset }], "upload");
        if (result.skippedRows > 0) {
          ctx.metrics.readingsRejected.inc({ source: "upload", reason: "bad-row" }, result.skippedRows);
        }
        return {
          accepted,
          rejected: result.skippedRows,
          errors: result.errors.slice(0, MAX_REPORTED).map((e) => ({
            index: e.line ?? -1,
            reason: e.message.replace(path, "body"),
          })),
        };
      } finally {
        await rm(path, { force: true });
      }
    },
  );
}

/** A JSON array of row objects; each row is all or nothing. */
async function ingestRows(ctx: ApiContext, asset: AssetRef, body: unknown, onError: "skip" | "fail") {
  if (!Array.isArray(body)) {
    throw apiError(
      SERVE_ERRORS.badRequest,
      'expected a JSON array of rows {"t": ..., "<channel>": v}',
      "body",
    );
  }
  const valid: StreamReading[] = [];
  const rejected: { index: number; rejection: Rejection }[] = [];
  body.forEach((row, index) => {
    const r = parseRow(asset, row, `body[${index}]`);
    if (isRejection(r)) rejected.push({ index, rejection: r });
    else valid.push(...r);
  });
  if (onError === "fail" && rejected.length > 0) {
    const first = rejected[0]!.rejection;
    throw apiError(SERVE_ERRORS.badRequest, describeRejection(first), first.where);
  }
  for (const r of rejected) ctx.ingestor.rejected("upload", r.rejection);
  const accepted = await ctx.ingestor.ingest(valid, "upload");
  return { accepted, rejected: rejected.length, errors: report(rejected) };
}
