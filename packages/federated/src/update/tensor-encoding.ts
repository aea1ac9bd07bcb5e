import type { FloatArray, NamedTensor } from "./model-update.ts";

/**
 * How one tensor travels: dense floats, 8-bit codes on a uniform grid (value = min + code · step), or
 * the k kept coordinates of a sparsified tensor (all others are zero).
 */
export type TensorPayload =
  | { readonly kind: "float32"; readonly data: Float32Array }
  | { readonly kind: "float64"; readonly data: Float64Array }
  | { readonly kind: "quantised8"; readonly min: number; readonly step: number; readonly codes: Uint8Array }
  | { readonly kind: "sparse"; readonly indices: Uint32Array; readonly values: Float32Array };

export interface EncodedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly payload: TensorPayload;
}

/** A dense tensor as it travels, in its own precision (float64 stays float64). */
export function denseTensor(tensor: NamedTensor): EncodedTensor {
  const payload: TensorPayload =
    tensor.data instanceof Float64Array
      ? { kind: "float64", data: tensor.data }
      : { kind: "float32", data: tensor.data };
  return { name: tensor.name, shape: tensor.shape, payload };
}

/** The dense values a payload stands for, `length` elements (the wire decoder checks the counts). */
export function payloadValues(payload: TensorPayload, length: number): FloatArray {
  switch (payload.kind) {
    case "float32":
    case "float64":
      return payload.data;
    case "quantised8": {
      const out = new Float64Array(length);
      for (let i = 0; i < length; i++) out[i] = payload.min + payload.codes[i]! * payload.step;
      return out;
    }
    case "sparse": {
      const out = new Float64Array(length);
      for (let j = 0; j < payload.indices.length; j++) out[payload.indices[j]!] = payload.values[j]!;
      return out;
    }
  }
}
