import { VigilArgumentError } from "@vigil/core/errors";
import type { ModelUpdate, NamedTensor } from "../update/model-update.ts";

/**
 * Applies `reduce` to every coordinate across updates (screened: same tensors in the same order):
 * `values` holds update k's value at that coordinate in slot k. The rules built on it (median, trimmed
 * mean) treat every client alike, whatever its sample count.
 */
export function reduceCoordinates(
  updates: readonly ModelUpdate[],
  reduce: (values: Float64Array) => number,
): NamedTensor[] {
  const first = updates[0];
  if (first === undefined) throw new VigilArgumentError("Expected at least one update to aggregate");
  const values = new Float64Array(updates.length);
  return first.tensors.map((t, j) => {
    const out = new Float64Array(t.data.length);
    const columns = updates.map((u) => u.tensors[j]!.data);
    for (let i = 0; i < out.length; i++) {
      for (let k = 0; k < columns.length; k++) values[k] = columns[k]![i]!;
      out[i] = reduce(values);
    }
    return { name: t.name, shape: t.shape, data: out };
  });
}
