import { medianInPlace } from "@vigil/core/stats";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";
import { reduceCoordinates } from "./coordinates.ts";

/**
 * Coordinate-wise median (Yin et al. 2018): each coordinate is the median of the clients' values, so
 * fewer than half the clients, however large their updates, cannot move it past the honest ones.
 */
export function coordinateMedian(updates: readonly ModelUpdate[]): NamedTensor[] {
  return reduceCoordinates(updates, medianInPlace);
}
