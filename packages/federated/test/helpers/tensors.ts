import type { ModelUpdate, NamedTensor } from "@vigil/federated/update";

/** A two-tensor model: "w" [2, 2] and "b" [3]. */
export const SHAPES = new Map<string, readonly number[]>([
  ["w", [2, 2]],
  ["b", [3]],
]);

/** A model of SHAPES whose every element is `value`. */
export function constantTensors(value: number): NamedTensor[] {
  return [...SHAPES].map(([name, shape]) => ({
    name,
    shape,
    data: new Float64Array(shape.reduce((a, b) => a * b, 1)).fill(value),
  }));
}

/** An update of SHAPES whose every element is `value`. */
export function constantUpdate(client: string, value: number, sampleCount = 1, round = 1): ModelUpdate {
  return { client, round, sampleCount, loss: Number.NaN, tensors: constantTensors(value) };
}
