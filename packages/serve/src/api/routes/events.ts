import type { AssetRef } from "@vigil/core/series";
import type { EventStatus } from "@vigil/data/store";
import type { FastifyInstance } from "fastify";
import { SERVE_ERRORS } from "../../errors/index.ts";
import type { ApiContext } from "../context.ts";
import type { EventDetail, EventPatch, EventSummary } from "../contract.ts";
import { apiError } from "../error-status.ts";
import { eventPhases } from "../event-phases.ts";
import { errorResponses, eventDetailSchema, eventStatusSchema, msTime, nameSchema } from "../schemas.ts";
import { eventDetail, eventSummary, msToNs } from "../wire.ts";

interface EventsQuery {
  site?: string;
  machine?: string;
  status?: EventStatus;
  from?: number;
  to?: number;
  limit: number;
}

const idParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", minLength: 1, maxLength: 64 } },
} as const;

/** Events: list, the event view with its explanation, acknowledge and comment. */
export function registerEventRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get<{ Querystring: EventsQuery }>(
    "/api/events",
    {
      config: { scope: "read" },
      schema: {
        tags: ["events"],
        summary: "Events, newest first, filtered by asset, status and time range",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            site: nameSchema,
            machine: nameSchema,
            status: eventStatusSchema,
            from: msTime,
            to: msTime,
            limit: { type: "integer", minimum: 1, maximum: 10_000, default: 500 },
          },
        },
        response: { 200: { type: "array", items: { $ref: "EventSummary#" } }, ...errorResponses },
      },
    },
    async (request): Promise<EventSummary[]> => {
      const q = request.query;
      if ((q.site === undefined) !== (q.machine === undefined)) {
        const missing = q.site === undefined ? "site" : "machine";
        throw apiError(
          SERVE_ERRORS.badRequest,
          `querystring/${missing} is needed with the other`,
          `querystring/${missing}`,
        );
      }
      const asset: AssetRef | undefined =
        q.site === undefined ? undefined : { site: q.site, machine: q.machine! };
      const events = await ctx.store.queryEvents({
        ...(asset === undefined ? {} : { asset }),
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.from === undefined ? {} : { from: msToNs(q.from) }),
        ...(q.to === undefined ? {} : { to: msToNs(q.to) }),
      });
      return events.reverse().slice(0, q.limit).map(eventSummary);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/events/:id",
    {
      config: { scope: "read" },
      schema: {
        tags: ["events"],
        summary:
          "One event with its explanation (onset, channel ranking, contribution heatmap, score components) and the phases of its score",
        params: idParams,
        response: { 200: eventDetailSchema, ...errorResponses },
      },
    },
    async (request): Promise<EventDetail> => {
      const event = await ctx.store.getEvent(request.params.id);
      if (event === undefined)
        throw apiError(SERVE_ERRORS.notFound, `No event with id ${request.params.id}`, "params/id");
      const phases = await eventPhases(ctx.store, event);
      return { ...eventDetail(event), ...(phases === undefined ? {} : { phases }) };
    },
  );

  app.patch<{ Params: { id: string }; Body: EventPatch }>(
    "/api/events/:id",
    {
      config: { scope: "admin" },
      schema: {
        tags: ["events"],
        summary: "Acknowledge or resolve an event, or comment on it",
        params: idParams,
        body: {
          type: "object",
          additionalProperties: false,
          minProperties: 1,
          properties: { status: eventStatusSchema, comment: { type: "string", maxLength: 4000 } },
        },
        response: { 200: { $ref: "EventSummary#" }, ...errorResponses },
      },
    },
    async (request): Promise<EventSummary> => {
      const updated = await ctx.store.updateEvent(request.params.id, request.body);
      const summary = eventSummary(updated);
      ctx.live.broadcast({ type: "event", event: summary });
      return summary;
    },
  );
}
