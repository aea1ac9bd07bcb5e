import { VigilInputError } from "@vigil/core/errors";
import type { Detector, DetectorCard } from "../detector/types.ts";

/** What `Detector.exportState()` returns: named float arrays plus a JSON-able card. */
export type DetectorState = ReturnType<Detector["exportState"]>;
export type StateTensor = DetectorState["tensors"][string];

export function float64Tensor(data: Float64Array, shape: number[] = [data.length]): StateTensor {
  return { dtype: "float64", shape, data };
}

/** Reads one tensor of a restored state, checking its shape; the state came from outside, so errors are input errors. */
export function stateTensor(state: DetectorState, name: string, shape: readonly number[]): Float64Array {
  const source = `${state.card.kind} state`;
  const tensor = state.tensors[name];
  if (tensor === undefined) throw new VigilInputError(`missing tensor "${name}"`, { source, column: name });
  if (tensor.shape.length !== shape.length || tensor.shape.some((d, i) => d !== shape[i])) {
    throw new VigilInputError(
      `tensor "${name}" has shape [${tensor.shape.join(", ")}] but [${shape.join(", ")}] is expected`,
      { source, column: name },
    );
  }
  return tensor.data instanceof Float64Array ? tensor.data : Float64Array.from(tensor.data);
}

/** A card records a detector's options plus the channels it was fitted on. */
export function stateCard(kind: string, options: object, channels: readonly string[]): DetectorCard {
  return { kind, config: { ...options, channels: [...channels] } };
}

/** Splits a restored card into the fitted channel names and the options, checking the kind and channel list. */
export function restoredConfig(state: DetectorState, kind: string): { channels: string[]; options: object } {
  const source = `${kind} card`;
  if (state.card.kind !== kind) {
    throw new VigilInputError(`card is for a "${state.card.kind}" detector, not "${kind}"`, {
      source,
      column: "kind",
    });
  }
  const { channels, ...options } = state.card.config;
  if (!Array.isArray(channels) || channels.length === 0 || !channels.every((v) => typeof v === "string")) {
    throw new VigilInputError("config.channels must be a non-empty array of channel names", {
      source,
      column: "channels",
    });
  }
  return { channels, options };
}
