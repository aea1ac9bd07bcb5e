import { VigilArgumentError } from "../errors/vigil-error.ts";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  const t = typeof value;
  if (t === "string") return `"${String(value).slice(0, 40)}" of type string`;
  if (t === "object") return "an object";
  return `${String(value)} of type ${t}`;
}

/** "Expected a positive integer for windowLength but received -3 of type number" */
export function fail(name: string, expected: string, value: unknown): never {
  throw new VigilArgumentError(`Expected ${expected} for ${name} but received ${describe(value)}`, {
    name,
    expected,
  });
}

export function expectInteger(
  name: string,
  value: unknown,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range =
      min === 1 && max === Number.MAX_SAFE_INTEGER ? "a positive integer" : `an integer in [${min}, ${max}]`;
    fail(name, range, value);
  }
  return value;
}

export function expectPositiveInteger(name: string, value: unknown): number {
  return expectInteger(name, value, 1);
}

export function expectNumber(name: string, value: unknown, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    fail(
      name,
      Number.isFinite(min) || Number.isFinite(max) ? `a number in [${min}, ${max}]` : "a number",
      value,
    );
  }
  return value;
}

export function expectOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(name, `one of ${allowed.map((a) => `"${a}"`).join(", ")}`, value);
  }
  return value as T;
}

/**
 * Fills defaults into a typed options object and rejects unknown (e.g. misspelled) keys,
 * as better-sqlite3 does: `{ windowLenght: 5 }` is an error, not a silent default.
 */
export function withDefaults<T extends object>(what: string, defaults: T, given: Partial<T> | undefined): T {
  if (given === undefined) return { ...defaults };
  if (typeof given !== "object" || given === null) fail(what, "an options object", given);
  for (const key of Object.keys(given)) {
    if (!(key in defaults)) {
      throw new VigilArgumentError(
        `Unknown option "${key}" for ${what}; known options: ${Object.keys(defaults).join(", ")}`,
        { name: key },
      );
    }
  }
  const out = { ...defaults };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
