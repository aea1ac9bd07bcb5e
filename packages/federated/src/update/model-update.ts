/** The float arrays that aggregation, privacy and compression work on; none of them touches the engine. */
export type FloatArray = Float32Array | Float64Array;

/** One named tensor of a model, row-major. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: FloatArray;
}

/**
 * What a site sends after local training: the change of every network tensor (its weights after
 * training less the global weights it received) and how many training examples produced it, the
 * weight FedAvg gives it.
 */
export interface ModelUpdate {
  readonly client: string;
  readonly round: number;
  readonly sampleCount: number;
  readonly tensors: readonly NamedTensor[];
  /** The site's loss of the global model it received (NaN when not measured). */
  readonly loss: number;
}

/** Elements of a tensor of this shape (1 for a scalar, shape []). */
export function elementCount(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** "[2, 3]" — for messages. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}
