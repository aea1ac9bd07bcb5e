import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.ts";
import type { HealthResponse } from "../contract.ts";
import { errorResponses } from "../schemas.ts";

/** GET /api/health (public: for probes) and GET /metrics (Prometheus text). */
export function registerHealthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["service"],
        summary: "Liveness and a short status",
        response: {
          200: {
            type: "object",
            required: ["status", "version", "uptimeSeconds", "assets", "mqtt"],
            properties: {
              status: { type: "string", enum: ["ok"] },
              version: { type: "string" },
              uptimeSeconds: { type: "number" },
              assets: { type: "integer" },
              mqtt: {
                type: "object",
                required: ["broker", "url", "connected"],
                properties: {
                  broker: { type: "string", enum: ["embedded", "external"] },
                  url: { type: "string" },
                  connected: { type: "boolean" },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (): Promise<HealthResponse> => {
      const mqtt = ctx.mqtt();
      return {
        status: "ok",
        version: ctx.version,
        uptimeSeconds: (Date.now() - ctx.startedAt) / 1000,
        assets: (await ctx.store.listAssets()).length,
        mqtt: {
          broker: mqtt?.broker ?? (ctx.config.mqtt.url === undefined ? "embedded" : "external"),
          url: mqtt?.url ?? ctx.config.mqtt.url ?? "",
          connected: mqtt?.connected ?? false,
        },
      };
    },
  );

  app.get(
    "/metrics",
    {
      config: { scope: "read" },
      schema: {
        tags: ["service"],
        summary: "Prometheus metrics (text exposition format 0.0.4)",
        response: { 200: { type: "string" }, ...errorResponses },
      },
    },
    async (_request, reply) => {
      reply.type("text/plain; version=0.0.4; charset=utf-8");
      return ctx.metrics.render();
    },
  );
}
