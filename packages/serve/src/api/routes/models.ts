import type { AssetRef } from "@vigil/core/series";
import type { FastifyInstance } from "fastify";
import { SERVE_ERRORS } from "../../errors/index.ts";
import { startTrainJob } from "../../jobs/index.ts";
import { activateModel, DETECTOR_KINDS, mirrorModels } from "../../models/index.ts";
import type { ApiContext } from "../context.ts";
import type { Job, ModelSummary, TrainRequest } from "../contract.ts";
import { apiError } from "../error-status.ts";
import { assetParams, errorResponses, msTime, nameSchema } from "../schemas.ts";
import { assetOf, modelSummary, msToNs } from "../wire.ts";

const modelIdParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$" } },
} as const;

/** Models (list, train as a background job, activate, roll back) and jobs. */
export function registerModelRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const announce = async (id: string) => {
    const summary = modelSummary(await ctx.registry.get(id));
    ctx.live.broadcast({ type: "model", model: summary });
    return summary;
  };

  app.get<{ Querystring: { site?: string; machine?: string } }>(
    "/api/models",
    {
      config: { scope: "read" },
      schema: {
        tags: ["models"],
        summary: "Saved models with status (active, shadow, retired) and metrics, newest first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { site: nameSchema, machine: nameSchema },
        },
        response: { 200: { type: "array", items: { $ref: "ModelSummary#" } }, ...errorResponses },
      },
    },
    async (request): Promise<ModelSummary[]> => {
      const { site, machine } = request.query;
      return (await ctx.registry.list())
        .filter(
          (e) =>
            (site === undefined || e.card.asset?.site === site) &&
            (machine === undefined || e.card.asset?.machine === machine),
        )
        .reverse()
        .map(modelSummary);
    },
  );

  app.post<{ Body: TrainRequest }>(
    "/api/models/train",
    {
      config: { scope: "admin" },
      schema: {
        tags: ["models"],
        summary:
          "Train a model on an asset's normal period: 202 with the job; progress on GET /api/jobs/:id and the live socket",
        description:
          "The first model of an asset becomes active; later ones are saved as shadow models until activated.",
        body: {
          type: "object",
          required: ["site", "machine", "detector"],
          additionalProperties: false,
          properties: {
            site: nameSchema,
            machine: nameSchema,
            detector: { type: "string", enum: Object.keys(DETECTOR_KINDS) },
            from: msTime,
            to: msTime,
            config: { type: "object", additionalProperties: true },
          },
        },
        response: { 202: { $ref: "Job#" }, ...errorResponses },
      },
    },
    async (request, reply): Promise<Job> => {
      const b = request.body;
      const asset = assetOf(b);
      if (!(await ctx.store.listAssets()).some((a) => a.site === asset.site && a.machine === asset.machine)) {
        throw apiError(
          SERVE_ERRORS.notFound,
          `No data for asset ${asset.site}/${asset.machine}`,
          "body/site",
        );
      }
      if (b.from !== undefined && b.to !== undefined && b.to <= b.from) {
        throw apiError(
          SERVE_ERRORS.badRequest,
          `body/to (${b.to}) must be after from (${b.from})`,
          "body/to",
        );
      }
      const job = startTrainJob(
        ctx,
        {
          asset,
          detector: b.detector,
          ...(b.config === undefined ? {} : { config: { ...b.config } }),
          ...(b.from === undefined ? {} : { from: msToNs(b.from) }),
          ...(b.to === undefined ? {} : { to: msToNs(b.to) }),
        },
        async (id) => void (await announce(id)),
      );
      reply.code(202);
      return job;
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/models/:id/activate",
    {
      config: { scope: "admin" },
      schema: {
        tags: ["models"],
        summary: "Make a model its asset's active model (the previous one is retired and kept for roll-back)",
        params: modelIdParams,
        response: { 200: { $ref: "ModelSummary#" }, ...errorResponses },
      },
    },
    async (request): Promise<ModelSummary> => {
      const { card } = await ctx.registry.get(request.params.id);
      const previous = card.asset === undefined ? undefined : await ctx.registry.active(card.asset);
      await activateModel(ctx.store, ctx.registry, card.id);
      if (card.asset !== undefined) await ctx.scorer.reloadModel(card.asset);
      if (previous !== undefined && previous !== card.id) await announce(previous);
      return announce(card.id);
    },
  );

  app.post<{ Params: AssetRef }>(
    "/api/assets/:site/:machine/models/rollback",
    {
      config: { scope: "admin" },
      schema: {
        tags: ["models"],
        summary: "Retire the asset's active model and reactivate the one before it",
        params: assetParams,
        response: { 200: { $ref: "ModelSummary#" }, ...errorResponses },
      },
    },
    async (request): Promise<ModelSummary> => {
      const asset = assetOf(request.params);
      const current = await ctx.registry.active(asset);
      const { card } = await ctx.registry.rollBack(asset);
      await mirrorModels(ctx.store, ctx.registry, current === undefined ? [card.id] : [card.id, current]);
      await ctx.scorer.reloadModel(asset);
      if (current !== undefined) await announce(current);
      return announce(card.id);
    },
  );

  app.get(
    "/api/jobs",
    {
      config: { scope: "read" },
      schema: {
        tags: ["models"],
        summary: "Recent jobs, newest first",
        response: { 200: { type: "array", items: { $ref: "Job#" } }, ...errorResponses },
      },
    },
    async () => ctx.jobs.list(),
  );

  app.get<{ Params: { id: string } }>(
    "/api/jobs/:id",
    {
      config: { scope: "read" },
      schema: {
        tags: ["models"],
        summary: "A job's state and progress",
        params: { type: "object", required: ["id"], properties: { id: { type: "string", maxLength: 64 } } },
        response: { 200: { $ref: "Job#" }, ...errorResponses },
      },
    },
    async (request): Promise<Job> => {
      const job = ctx.jobs.get(request.params.id);
      if (job === undefined)
        throw apiError(SERVE_ERRORS.notFound, `No job with id ${request.params.id}`, "params/id");
      return job;
    },
  );
}
