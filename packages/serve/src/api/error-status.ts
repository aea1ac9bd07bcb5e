import { VigilError } from "@vigil/core/errors";
import { SERVE_ERRORS } from "../errors/index.ts";
import type { ApiError } from "./contract.ts";

/**
 * Every error code the API can answer with, mapped to its HTTP status in this one place. Codes of
 * the packages below (store, registry, validation) are mapped here too, so they keep their own
 * stable codes on the wire.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [SERVE_ERRORS.badRequest]: 400,
  VIGIL_ERR_ARGUMENT: 400,
  VIGIL_ERR_INPUT: 400,
  [SERVE_ERRORS.unauthorized]: 401,
  [SERVE_ERRORS.forbidden]: 403,
  [SERVE_ERRORS.notFound]: 404,
  STORE_NOT_FOUND: 404,
  VIGIL_ERR_MODEL_NOT_FOUND: 404,
  [SERVE_ERRORS.conflict]: 409,
  VIGIL_ERR_NO_PREVIOUS_MODEL: 409,
  VIGIL_ERR_MODEL_ACTIVE: 409,
  VIGIL_ERR_NO_ASSET: 409,
  [SERVE_ERRORS.payloadTooLarge]: 413,
  [SERVE_ERRORS.unsupportedMedia]: 415,
  [SERVE_ERRORS.rateLimited]: 429,
  [SERVE_ERRORS.busy]: 503,
  [SERVE_ERRORS.closing]: 503,
};

/** Fastify's own error codes (its validation, body parsing and limits) in the service's terms. */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: SERVE_ERRORS.payloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: SERVE_ERRORS.unsupportedMedia,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: SERVE_ERRORS.badRequest,
  FST_ERR_CTP_EMPTY_JSON_BODY: SERVE_ERRORS.badRequest,
  FST_ERR_CTP_INVALID_JSON_BODY: SERVE_ERRORS.badRequest,
  FST_ERR_VALIDATION: SERVE_ERRORS.badRequest,
};

interface FastifyLikeError {
  code?: string;
  message: string;
  statusCode?: number;
  validation?: readonly { instancePath: string; message?: string; params?: Record<string, unknown> }[];
  validationContext?: string;
}

/** "body/readings/0/v" from a schema violation: the part of the request and the path inside it. */
function validationWhere(e: FastifyLikeError): string {
  const first = e.validation![0]!;
  const missing = first.params?.missingProperty;
  const extra = first.params?.additionalProperty;
  const path = `${first.instancePath}${missing ? `/${missing}` : ""}${extra ? `/${extra}` : ""}`;
  return `${e.validationContext ?? "request"}${path}`;
}

/** An error → its status and ApiError body; anything unexpected is a 500 that reveals no internals. */
export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (error instanceof VigilError) {
    const where = (error.details?.where ?? error.details?.name) as string | undefined;
    return {
      status: STATUS_BY_CODE[error.code] ?? 500,
      body: { error: { code: error.code, message: error.message, ...(where ? { where } : {}) } },
    };
  }
  const e = error as FastifyLikeError;
  if (e.validation !== undefined && e.validation.length > 0) {
    const where = validationWhere(e);
    const first = e.validation[0]!;
    const message = first.params?.missingProperty
      ? "is required"
      : first.params?.additionalProperty
        ? "is not an allowed field"
        : (first.message ?? "is invalid");
    return {
      status: 400,
      body: { error: { code: SERVE_ERRORS.badRequest, message: `${where} ${message}`, where } },
    };
  }
  const mapped = e.code === undefined ? undefined : FASTIFY_CODES[e.code];
  if (mapped !== undefined) {
    return { status: STATUS_BY_CODE[mapped]!, body: { error: { code: mapped, message: e.message } } };
  }
  if (e.statusCode === 429) {
    return { status: 429, body: { error: { code: SERVE_ERRORS.rateLimited, message: e.message } } };
  }
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: SERVE_ERRORS.badRequest, message: e.message } } };
  }
  return {
    status: 500,
    body: { error: { code: "SERVE_INTERNAL", message: "Internal error (see the service log)" } },
  };
}

/** A VigilError with a `where` detail, the shape toApiError reports. */
export const apiError = (code: string, message: string, where?: string): VigilError =>
  new VigilError(code, message, where === undefined ? undefined : { details: { where } });
