import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import { SERVE_ERRORS } from "../errors/index.ts";
import { registerAuth } from "./auth-hook.ts";
import type { ApiContext } from "./context.ts";
import { toApiError } from "./error-status.ts";
import { registerAssetRoutes } from "./routes/assets.ts";
import { type DashboardFiles, registerDashboardRoutes } from "./routes/dashboard.ts";
import { registerDriftRoutes } from "./routes/drift.ts";
import { registerEventRoutes } from "./routes/events.ts";
import { registerHealthRoutes } from "./routes/health.ts";
import { registerIngestRoutes } from "./routes/ingest.ts";
import { registerLiveRoute } from "./routes/live.ts";
import { registerModelRoutes } from "./routes/models.ts";
import { SHARED_SCHEMAS } from "./schemas.ts";

/**
 * The HTTP API: every route with JSON schemas (validated requests, serialised responses, OpenAPI at
 * /docs), token scopes, a per-client rate limit, body-size limits, request-duration metrics, and
 * errors answered as ApiError with the status from error-status.ts.
 */
export async function buildApi(
  ctx: ApiContext,
  dashboard: DashboardFiles | undefined,
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: ctx.config.limits.bodyBytes,
    logger: false,
    // Unknown fields are errors naming the field (fastify's default would silently drop them).
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: false },
    },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500)
      ctx.log(`http ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
    reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: {
        code: SERVE_ERRORS.notFound,
        message: `No route ${request.method} ${request.url.split("?")[0]}`,
      },
    });
  });
  app.addHook("onResponse", async (request, reply) => {
    ctx.metrics.httpDuration.observe(reply.elapsedTime / 1000, {
      method: request.method,
      route: request.routeOptions.url ?? "unmatched",
      status: String(reply.statusCode),
    });
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Vigil API",
        version: ctx.version,
        description:
          "Anomaly detection service. Times are ms since the Unix epoch. With tokens configured, send " +
          "`Authorization: Bearer <token>` (scopes: read, ingest, admin).",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  await app.register(rateLimit, {
    max: ctx.config.limits.requestsPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: SERVE_ERRORS.rateLimited,
      message: `Rate limit of ${context.max} requests per minute exceeded; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  registerAuth(app, ctx.tokens, ctx.config.host);

  registerHealthRoutes(app, ctx);
  registerAssetRoutes(app, ctx);
  registerIngestRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerModelRoutes(app, ctx);
  registerDriftRoutes(app, ctx);
  registerLiveRoute(app, ctx);
  if (dashboard !== undefined) registerDashboardRoutes(app, dashboard);
  return app;
}
