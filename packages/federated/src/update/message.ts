import type { ModelUpdate, NamedTensor } from "./model-update.ts";
import { elementCount } from "./model-update.ts";
import { denseTensor, type EncodedTensor, payloadValues } from "./tensor-encoding.ts";

/**
 * One message of the protocol: the coordinator's global model ("global", sampleCount 0) or a site's
 * update ("update": the delta of every tensor and the site's sample count).
 */
export interface FederatedMessage {
  readonly kind: "global" | "update";
  /** The sender: a site's id, or the coordinator's. */
  readonly sender: string;
  readonly round: number;
  readonly sampleCount: number;
  /** The sender's loss of the model it received (NaN when none). */
  readonly loss: number;
  readonly tensors: readonly EncodedTensor[];
}

/** The global model as the coordinator broadcasts it (dense, in the tensors' own precision). */
export function globalMessage(round: number, tensors: readonly NamedTensor[]): FederatedMessage {
  return {
    kind: "global",
    sender: "coordinator",
    round,
    sampleCount: 0,
    loss: Number.NaN,
    tensors: tensors.map(denseTensor),
  };
}

/** A received update with every tensor made dense again (decompressed). */
export function messageToUpdate(message: FederatedMessage): ModelUpdate {
  return {
    client: message.sender,
    round: message.round,
    sampleCount: message.sampleCount,
    loss: message.loss,
    tensors: message.tensors.map((t) => ({
      name: t.name,
      shape: t.shape,
      data: payloadValues(t.payload, elementCount(t.shape)),
    })),
  };
}

/** The tensors of a message, dense. */
export function messageTensors(message: FederatedMessage): NamedTensor[] {
  return messageToUpdate(message).tensors as NamedTensor[];
}
