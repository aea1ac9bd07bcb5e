import type { Health } from "./contract.ts";

/**
 * The health of an asset between two fleet reloads, from what the live socket tells: above its threshold
 * is an alarm; below it, open events still need someone's attention (warning); otherwise ok. Without a
 * score yet the health stays unknown.
 */
export function liveHealth(
  score: number | undefined,
  threshold: number | undefined,
  openEvents: number,
): Health {
  if (score === undefined || threshold === undefined) return openEvents > 0 ? "warning" : "unknown";
  if (score >= threshold) return "alarm";
  return openEvents > 0 ? "warning" : "ok";
}
