import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.ts";
import type { DriftReport } from "../contract.ts";
import { errorResponses } from "../schemas.ts";

/** GET /api/drift: the drift monitors of every asset that has them. */
export function registerDriftRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/drift",
    {
      config: { scope: "read" },
      schema: {
        tags: ["drift"],
        summary: "Latent, score and per-channel data drift per asset, with the retraining state",
        response: {
          200: {
            type: "object",
            required: ["assets"],
            properties: {
              assets: {
                type: "array",
                items: {
                  allOf: [
                    {
                      type: "object",
                      required: ["site", "machine"],
                      properties: { site: { type: "string" }, machine: { type: "string" } },
                    },
                    { $ref: "DriftStatus#" },
                  ],
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (): Promise<DriftReport> => {
      const assets = await ctx.store.listAssets();
      return {
        assets: assets.flatMap((asset) => {
          const drift = ctx.scorer.status(asset).drift;
          return drift === undefined ? [] : [{ site: asset.site, machine: asset.machine, ...drift }];
        }),
      };
    },
  );
}
