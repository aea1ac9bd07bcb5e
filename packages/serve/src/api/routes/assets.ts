import type { AssetRef } from "@vigil/core/series";
import type { FastifyInstance } from "fastify";
import { SERVE_ERRORS } from "../../errors/index.ts";
import { thresholdStream } from "../../stream/index.ts";
import type { ApiContext } from "../context.ts";
import type { AssetSummary, ScoresResponse, SeriesResponse } from "../contract.ts";
import { decimateMinMax } from "../decimate.ts";
import { apiError } from "../error-status.ts";
import {
  assetParams,
  errorResponses,
  nameSchema,
  rangeQuery,
  scoresResponseSchema,
  seriesResponseSchema,
} from "../schemas.ts";
import { assetOf, msToNs, nsToMs } from "../wire.ts";

interface RangeQuery {
  from?: number;
  to?: number;
  maxPoints: number;
}

const nullable = (column: Float64Array): (number | null)[] =>
  Array.from(column, (v) => (Number.isNaN(v) ? null : v));

function range(q: RangeQuery): { from?: bigint; to?: bigint } {
  if (q.from !== undefined && q.to !== undefined && q.to <= q.from) {
    throw apiError(
      SERVE_ERRORS.badRequest,
      `querystring/to (${q.to}) must be after from (${q.from})`,
      "querystring/to",
    );
  }
  return {
    ...(q.from === undefined ? {} : { from: msToNs(q.from) }),
    ...(q.to === undefined ? {} : { to: msToNs(q.to) }),
  };
}

async function knownAsset(ctx: ApiContext, asset: AssetRef): Promise<void> {
  const assets = await ctx.store.listAssets();
  if (!assets.some((a) => a.site === asset.site && a.machine === asset.machine)) {
    throw apiError(SERVE_ERRORS.notFound, `No asset ${asset.site}/${asset.machine}`, "params");
  }
}

/** The fleet overview, channels, and the series and score queries behind the charts. */
export function registerAssetRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/assets",
    {
      config: { scope: "read" },
      schema: {
        tags: ["assets"],
        summary: "Every asset with its health, latest score and open events",
        response: {
          200: { type: "array", items: { type: "object", additionalProperties: true } },
          ...errorResponses,
        },
      },
    },
    async (): Promise<AssetSummary[]> => {
      const [assets, open] = await Promise.all([
        ctx.store.listAssets(),
        ctx.store.queryEvents({ status: "open" }),
      ]);
      return Promise.all(
        assets.map(async (asset): Promise<AssetSummary> => {
          const status = ctx.scorer.status(asset);
          const lastSeen = await ctx.ingestor.lastSeen(asset);
          const channels = await ctx.store.listChannels(asset);
          // The scorer knows an asset's model once readings have arrived; the registry always does.
          const model = status.model ?? (await ctx.registry.active(asset));
          return {
            site: asset.site,
            machine: asset.machine,
            channels: channels.map((c) => c.name),
            health: status.health,
            ...(status.score === undefined ? {} : { score: status.score }),
            ...(status.threshold === undefined ? {} : { threshold: status.threshold }),
            openEvents: open.filter((e) => e.asset.site === asset.site && e.asset.machine === asset.machine)
              .length,
            ...(lastSeen === undefined ? {} : { lastSeen: nsToMs(lastSeen) }),
            ...(model === undefined ? {} : { model }),
            ...(status.drift === undefined ? {} : { drift: status.drift }),
          };
        }),
      );
    },
  );

  app.get<{ Params: AssetRef }>(
    "/api/assets/:site/:machine/channels",
    {
      config: { scope: "read" },
      schema: {
        tags: ["assets"],
        summary: "The asset's channels with kind, unit and rate",
        params: assetParams,
        response: {
          200: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "kind"],
              properties: {
                name: { type: "string" },
                kind: { type: "string" },
                unit: { type: "string" },
                rateHz: { type: "number" },
                role: { type: "string" },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const asset = assetOf(request.params);
      await knownAsset(ctx, asset);
      return ctx.store.listChannels(asset);
    },
  );

  app.get<{ Params: AssetRef; Querystring: RangeQuery & { channels?: string } }>(
    "/api/assets/:site/:machine/series",
    {
      config: { scope: "read" },
      schema: {
        tags: ["assets"],
        summary: "Readings in a time range, min/max decimated to at most maxPoints rows",
        params: assetParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...rangeQuery,
            channels: { type: "string", description: "comma-separated channel names (default: all)" },
          },
        },
        response: { 200: seriesResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<SeriesResponse> => {
      const asset = assetOf(request.params);
      await knownAsset(ctx, asset);
      const q = request.query;
      const channels = q.channels?.split(",").map((c) => c.trim());
      const known = new Set((await ctx.store.listChannels(asset)).map((c) => c.name));
      const unknown = channels?.find((c) => !known.has(c));
      if (unknown !== undefined) {
        throw apiError(
          SERVE_ERRORS.notFound,
          `No channel "${unknown}" for ${asset.site}/${asset.machine}`,
          "querystring/channels",
        );
      }
      const series = await ctx.store.querySeries({ asset, ...range(q), ...(channels ? { channels } : {}) });
      const d = decimateMinMax(series.timestamps, series.values, q.maxPoints);
      return {
        timestamps: Array.from(d.timestamps, nsToMs),
        channels: series.channels.map((c) => c.name),
        values: d.values.map(nullable),
      };
    },
  );

  app.get<{ Params: AssetRef; Querystring: RangeQuery & { model?: string } }>(
    "/api/assets/:site/:machine/scores",
    {
      config: { scope: "read" },
      schema: {
        tags: ["assets"],
        summary: "Calibrated anomaly scores and their threshold, min/max decimated",
        params: assetParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { ...rangeQuery, model: { ...nameSchema, description: "default: the active model" } },
        },
        response: { 200: scoresResponseSchema, ...errorResponses },
      },
    },
    async (request): Promise<ScoresResponse> => {
      const asset = assetOf(request.params);
      await knownAsset(ctx, asset);
      const q = request.query;
      const model = q.model ?? ctx.scorer.status(asset).model ?? (await ctx.registry.active(asset));
      if (model === undefined) {
        throw apiError(
          SERVE_ERRORS.notFound,
          `Asset ${asset.site}/${asset.machine} has no active model`,
          "querystring/model",
        );
      }
      const r = range(q);
      const [scores, thresholds] = await Promise.all([
        ctx.store.queryScores({ asset, model, ...r }),
        ctx.store.queryScores({ asset, model: thresholdStream(model), ...r }),
      ]);
      // Thresholds are stored at the same timestamps as the scores; align them by time.
      const byTime = new Map<bigint, number>();
      for (const [i, t] of thresholds.timestamps.entries()) byTime.set(t, thresholds.scores[i]!);
      const aligned = Float64Array.from(scores.timestamps, (t) => byTime.get(t) ?? Number.NaN);
      const d = decimateMinMax(scores.timestamps, [scores.scores, aligned], q.maxPoints);
      return {
        model,
        timestamps: Array.from(d.timestamps, nsToMs),
        score: nullable(d.values[0]!),
        threshold: nullable(d.values[1]!),
      };
    },
  );
}
