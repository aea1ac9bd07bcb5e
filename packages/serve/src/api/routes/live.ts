import type { FastifyInstance } from "fastify";
import type { ApiContext } from "../context.ts";

/**
 * GET /api/live, upgraded to a WebSocket: LiveMessage pushes (scores, events, drift, models, jobs;
 * readings of the asset the client subscribed to with LiveSubscribe). Browsers cannot set headers on
 * a WebSocket, so a token may come as `?token=`.
 */
export function registerLiveRoute(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    "/api/live",
    {
      websocket: true,
      config: { scope: "read" },
      schema: {
        tags: ["live"],
        summary:
          "WebSocket of LiveMessage; send {type: 'subscribe', site, machine} for raw readings, {type: 'unsubscribe'} to stop them",
        querystring: { type: "object", properties: { token: { type: "string" } } },
      },
    },
    (socket) => ctx.live.add(socket),
  );
}
