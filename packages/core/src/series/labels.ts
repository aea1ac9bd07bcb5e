import { VigilArgumentError } from "../errors/vigil-error.ts";
import type { Label } from "./types.ts";

/**
 * Turns per-row 0/1 flags into interval labels: each run of consecutive non-zero rows becomes one
 * Label from its first to its last row's timestamp (a single row gives a point label).
 */
export function labelsFromFlags(
  timestamps: BigInt64Array,
  flags: ArrayLike<number>,
  type: string,
  channel?: string,
): Label[] {
  if (flags.length !== timestamps.length) {
    throw new VigilArgumentError(
      `Expected ${timestamps.length} flags (one per row) but received ${flags.length}`,
    );
  }
  const labels: Label[] = [];
  let runStart = -1;
  for (let i = 0; i <= flags.length; i++) {
    const on = i < flags.length && flags[i] !== 0;
    if (on && runStart < 0) runStart = i;
    if (!on && runStart >= 0) {
      labels.push({
        start: timestamps[runStart]!,
        end: timestamps[i - 1]!,
        type,
        ...(channel === undefined ? {} : { channel }),
      });
      runStart = -1;
    }
  }
  return labels;
}

/** Number of labels per type. */
export function countLabels(labels: readonly Label[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const label of labels) counts[label.type] = (counts[label.type] ?? 0) + 1;
  return counts;
}
