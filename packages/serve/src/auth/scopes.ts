/** What a token may do: read data, push readings, or everything (train, activate, acknowledge). */
export type Scope = "read" | "ingest" | "admin";
export const SCOPES: readonly Scope[] = ["read", "ingest", "admin"];

/**
 * Whether a token's scope covers what a route requires. Scopes are deliberately not nested below
 * admin: a field device holding an ingest token cannot read the fleet's data, and a dashboard holding
 * a read token cannot inject readings.
 */
export function scopeAllows(granted: Scope, required: Scope): boolean {
  return granted === "admin" || granted === required;
}
