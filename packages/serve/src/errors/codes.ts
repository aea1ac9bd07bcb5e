/**
 * The service's stable error codes. Callers (the dashboard, scripts, tests) branch on these, never on
 * messages; api/error-status.ts maps each to its HTTP status in one place.
 */
export const SERVE_ERRORS = {
  /** A request, payload or query that does not match its schema or cannot be parsed. */
  badRequest: "SERVE_BAD_REQUEST",
  notFound: "SERVE_NOT_FOUND",
  /** No token, or a token that is not known. */
  unauthorized: "SERVE_UNAUTHORIZED",
  /** A valid token whose scope does not cover the route. */
  forbidden: "SERVE_FORBIDDEN",
  rateLimited: "SERVE_RATE_LIMITED",
  payloadTooLarge: "SERVE_PAYLOAD_TOO_LARGE",
  unsupportedMedia: "SERVE_UNSUPPORTED_MEDIA",
  /** The request is valid but the state does not allow it (e.g. roll back with no earlier model). */
  conflict: "SERVE_CONFLICT",
  /** A setting (option, environment variable, tokens file) is invalid. */
  config: "SERVE_CONFIG",
  /** Too much work is queued (e.g. train jobs); retry later. */
  busy: "SERVE_BUSY",
  /** The service is shutting down and accepts nothing more. */
  closing: "SERVE_CLOSING",
} as const;

export type ServeErrorCode = (typeof SERVE_ERRORS)[keyof typeof SERVE_ERRORS];
