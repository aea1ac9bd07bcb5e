import { expectNumber } from "@vigil/core/validate";
import { messageToUpdate } from "../update/message.ts";
import { denseTensor } from "../update/tensor-encoding.ts";
import { decodeMessage, encodeMessage } from "../update/wire-format.ts";
import type { FederatedClient, TrainRequest } from "./federated-client.ts";

/**
 * A Byzantine site for robustness experiments: it trains like `honest` but sends its delta times
 * `factor` (e.g. −10: sign-flipped and ten times larger), with the honest sample count.
 */
export class ScaledUpdateClient implements FederatedClient {
  readonly id: string;

  constructor(
    readonly honest: FederatedClient,
    readonly factor: number,
  ) {
    expectNumber("factor", factor);
    this.id = honest.id;
  }

  async train(request: TrainRequest): Promise<Uint8Array> {
    const update = messageToUpdate(decodeMessage(await this.honest.train(request), { source: this.id }));
    return encodeMessage({
      kind: "update",
      sender: update.client,
      round: update.round,
      sampleCount: update.sampleCount,
      loss: update.loss,
      tensors: update.tensors.map((t) =>
        denseTensor({
          name: t.name,
          shape: t.shape,
          data: Float32Array.from(t.data, (v) => v * this.factor),
        }),
      ),
    });
  }
}
