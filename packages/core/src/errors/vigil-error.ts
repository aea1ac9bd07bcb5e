/**
 * The one error base of Vigil. Every error a public API throws on purpose is a VigilError
 * (or a subclass) carrying a stable `code`, so callers branch on codes, never on messages.
 */
export class VigilError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: string,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "VigilError";
    this.code = code;
    this.details = options?.details;
  }
}

/** Bad argument or option value given by a caller (name / expected / actual in the message). */
export class VigilArgumentError extends VigilError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("VIGIL_ERR_ARGUMENT", message, details === undefined ? undefined : { details });
    this.name = "VigilArgumentError";
  }
}

/** Malformed external input (file, payload, config, model file): says what and where. */
export class VigilInputError extends VigilError {
  readonly source: string;
  readonly line: number | undefined;
  readonly column: string | number | undefined;

  constructor(
    message: string,
    where: { source: string; line?: number; column?: string | number },
    options?: { cause?: unknown },
  ) {
    const at = [where.source, where.line === undefined ? undefined : `line ${where.line}`]
      .concat(where.column === undefined ? [] : [`column ${where.column}`])
      .filter(Boolean)
      .join(", ");
    super("VIGIL_ERR_INPUT", `${at}: ${message}`, options);
    this.name = "VigilInputError";
    this.source = where.source;
    this.line = where.line;
    this.column = where.column;
  }
}
