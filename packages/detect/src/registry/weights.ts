import { VigilInputError } from "@vigil/core/errors";
import { decodeSafetensors, encodeSafetensors, type SafetensorsTensor } from "@vigil/core/safetensors";
import type { DetectorState } from "../baselines/index.ts";
import type { ModelCard } from "./card.ts";

const TO_SAFETENSORS = { float32: "F32", float64: "F64" } as const;
const FROM_SAFETENSORS: Readonly<Record<string, "float32" | "float64">> = { F32: "float32", F64: "float64" };
const ID_KEY = "vigil.model";

/** The card's record of what the weights file holds. */
export function tensorSpecs(tensors: DetectorState["tensors"]): ModelCard["tensors"] {
  return Object.fromEntries(
    Object.entries(tensors).map(([name, t]) => [name, { dtype: t.dtype, shape: [...t.shape] }]),
  );
}

export function encodeWeights(id: string, tensors: DetectorState["tensors"]): Uint8Array {
  const converted: Record<string, SafetensorsTensor> = Object.create(null);
  for (const [name, t] of Object.entries(tensors)) {
    converted[name] =
      t.dtype === "float32"
        ? { dtype: TO_SAFETENSORS.float32, shape: t.shape, data: t.data as Float32Array }
        : { dtype: TO_SAFETENSORS.float64, shape: t.shape, data: t.data as Float64Array };
  }
  return encodeSafetensors(converted, { [ID_KEY]: id });
}

/** Decodes a weights file and checks it holds exactly the tensors the card lists, for the card's model. */
export function decodeWeights(bytes: Uint8Array, source: string, card: ModelCard): DetectorState["tensors"] {
  const file = decodeSafetensors(bytes, source);
  const fail: (message: string, tensor?: string) => never = (message, tensor) => {
    throw new VigilInputError(message, { source, ...(tensor === undefined ? {} : { column: tensor }) });
  };
  if (file.metadata[ID_KEY] !== card.id) {
    fail(`weights belong to model "${file.metadata[ID_KEY]}" but the card is for "${card.id}"`);
  }
  const out: DetectorState["tensors"] = Object.create(null);
  for (const [name, t] of Object.entries(file.tensors)) {
    const spec = card.tensors[name];
    if (spec === undefined) fail(`tensor "${name}" is not listed in the card`, name);
    const dtype = FROM_SAFETENSORS[t.dtype];
    if (dtype !== spec.dtype) fail(`tensor "${name}" is ${t.dtype} but the card says ${spec.dtype}`, name);
    if (t.shape.length !== spec.shape.length || t.shape.some((d, i) => d !== spec.shape[i])) {
      fail(
        `tensor "${name}" has shape [${t.shape.join(", ")}] but the card says [${spec.shape.join(", ")}]`,
        name,
      );
    }
    out[name] = { dtype, shape: [...t.shape], data: t.data as Float32Array | Float64Array };
  }
  for (const name of Object.keys(card.tensors)) {
    if (!(name in out)) fail(`the card lists tensor "${name}" but the weights file lacks it`, name);
  }
  return out;
}
