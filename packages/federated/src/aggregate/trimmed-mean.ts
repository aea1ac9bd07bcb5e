import { expectNumber, fail } from "@vigil/core/validate";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";
import { reduceCoordinates } from "./coordinates.ts";

/**
 * Coordinate-wise trimmed mean (Yin et al. 2018): at each coordinate the ⌊β·m⌋ largest and ⌊β·m⌋
 * smallest of the m clients' values are dropped and the rest averaged; it tolerates up to ⌊β·m⌋
 * arbitrary clients. β ∈ [0, 0.5); β = 0 is the unweighted mean.
 */
export function trimmedMean(updates: readonly ModelUpdate[], beta: number): NamedTensor[] {
  if (expectNumber("trimFraction", beta, 0, 0.5) === 0.5) fail("trimFraction", "a number in [0, 0.5)", beta);
  const m = updates.length;
  const cut = Math.floor(beta * m);
  return reduceCoordinates(updates, (values) => {
    values.sort();
    let sum = 0;
    for (let k = cut; k < m - cut; k++) sum += values[k]!;
    return sum / (m - 2 * cut);
  });
}
