import { readFile, rename, writeFile } from "node:fs/promises";
import { VigilInputError } from "@vigil/core/errors";
import { decodeSafetensors, encodeSafetensors, type SafetensorsTensor } from "@vigil/core/safetensors";
import type { Dtype } from "@vigil/torch-native";
import { tensor } from "../tensor/creation.ts";
import type { Tensor, TypedArray } from "../tensor/tensor.ts";

const TO_SAFETENSORS: Partial<Record<Dtype, SafetensorsTensor["dtype"]>> = {
  float32: "F32",
  float64: "F64",
  int64: "I64",
  int32: "I32",
  uint8: "U8",
  bool: "BOOL",
};

const FROM_SAFETENSORS = new Map(
  Object.entries(TO_SAFETENSORS).map(([engine, file]) => [file, engine as Dtype]),
);

/** Encodes named tensors (e.g. module.stateDict()) as safetensors bytes. */
export function stateDictToSafetensors(
  state: ReadonlyMap<string, Tensor>,
  metadata?: Record<string, string>,
): Uint8Array {
  const out: Record<string, SafetensorsTensor> = Object.create(null);
  for (const [name, t] of state) {
    const dtype = TO_SAFETENSORS[t.dtype];
    if (dtype === undefined) throw new VigilInputError(`dtype ${t.dtype} cannot be stored`, { source: name });
    out[name] = { dtype, shape: t.shape, data: t.toArray() } as SafetensorsTensor;
  }
  return encodeSafetensors(out, metadata);
}

/** Decodes safetensors bytes into engine tensors (data copied into libtorch). */
export function safetensorsToStateDict(
  bytes: Uint8Array,
  source = "safetensors",
): { state: Map<string, Tensor>; metadata: Record<string, string> } {
  const file = decodeSafetensors(bytes, source);
  const state = new Map<string, Tensor>();
  for (const [name, t] of Object.entries(file.tensors)) {
    const dtype = FROM_SAFETENSORS.get(t.dtype);
    if (dtype === undefined)
      throw new VigilInputError(`tensor "${name}" has dtype ${t.dtype}, which the engine does not load`, {
        source,
      });
    state.set(name, tensor(t.data as TypedArray, { shape: t.shape, dtype }));
  }
  return { state, metadata: { ...file.metadata } };
}

/** Writes atomically (temporary file, then rename): a crash never leaves a half-written file. */
export async function saveSafetensors(
  path: string,
  state: ReadonlyMap<string, Tensor>,
  metadata?: Record<string, string>,
): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, stateDictToSafetensors(state, metadata));
  await rename(tmp, path);
}

export async function loadSafetensors(
  path: string,
): Promise<{ state: Map<string, Tensor>; metadata: Record<string, string> }> {
  return safetensorsToStateDict(new Uint8Array(await readFile(path)), path);
}
