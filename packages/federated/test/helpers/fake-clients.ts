import type { FederatedClient, TrainRequest } from "@vigil/federated/client";
import { decodeMessage, encodeMessage, type FloatArray, messageTensors } from "@vigil/federated/update";

/**
 * A site without a model: its "training" moves every weight to `target`, so its delta is
 * target − global and FedAvg's result can be computed by hand.
 */
export class TargetClient implements FederatedClient {
  readonly calls: number[] = [];

  constructor(
    readonly id: string,
    readonly target: number,
    readonly sampleCount: number,
    readonly options: { delayMs?: number; loss?: number; corrupt?: (delta: FloatArray) => void } = {},
  ) {}

  async train(request: TrainRequest): Promise<Uint8Array> {
    this.calls.push(request.round);
    const global = messageTensors(decodeMessage(request.model, { source: "global" }));
    if (this.options.delayMs !== undefined) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const tensors = global.map((t) => {
      const data = Float32Array.from(t.data, (v) => this.target - v);
      this.options.corrupt?.(data);
      return { name: t.name, shape: t.shape, payload: { kind: "float32" as const, data } };
    });
    return encodeMessage({
      kind: "update",
      sender: this.id,
      round: request.round,
      sampleCount: this.sampleCount,
      loss: this.options.loss ?? Number.NaN,
      tensors,
    });
  }
}

/** A site that answers with whatever bytes it is given. */
export class BytesClient implements FederatedClient {
  constructor(
    readonly id: string,
    readonly answer: (request: TrainRequest) => Uint8Array,
  ) {}

  async train(request: TrainRequest): Promise<Uint8Array> {
    return this.answer(request);
  }
}
