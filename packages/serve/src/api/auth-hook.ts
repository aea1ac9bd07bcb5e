import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Scope, scopeAllows, type TokenStore } from "../auth/index.ts";
import { isLoopback } from "../config.ts";
import { SERVE_ERRORS } from "../errors/index.ts";
import { apiError } from "./error-status.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What a token must allow for this route; routes without one (docs, dashboard files) are public. */
    scope?: Scope;
  }
}

/** The bearer token, or for the live socket (browsers cannot set its headers) the `token` query parameter. */
function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? "";
  }
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === "string" ? query.token : undefined;
}

/**
 * Checks every request against its route's scope. Open mode: when no token exists and the service
 * listens on loopback only, every request is allowed, since only this machine can reach it (the
 * out-of-the-box `npm start`). Creating the first token (`vigil serve token create`) ends open mode at
 * once. A service on any other interface refuses to start without tokens (see service.ts).
 */
export function registerAuth(app: FastifyInstance, tokens: TokenStore, host: string): void {
  const loopback = isLoopback(host);
  app.addHook("onRequest", async (request) => {
    const required = request.routeOptions.config?.scope;
    if (required === undefined) return;
    await tokens.refresh();
    if (!tokens.configured && loopback) return;
    const token = presentedToken(request);
    if (token === undefined) {
      throw apiError(
        SERVE_ERRORS.unauthorized,
        "This route needs a token: Authorization: Bearer <token>",
        "headers/authorization",
      );
    }
    const scope = tokens.verify(token);
    if (scope === undefined)
      throw apiError(SERVE_ERRORS.unauthorized, "Unknown or malformed token", "headers/authorization");
    if (!scopeAllows(scope, required)) {
      throw apiError(
        SERVE_ERRORS.forbidden,
        `This route needs the "${required}" scope; the token has "${scope}"`,
      );
    }
  });
}
