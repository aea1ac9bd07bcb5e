import { Conv1d, type Generator, ReLU, Sequential, type Tensor, UnaryModule } from "@vigil/torch";

/**
 * 1-D CNN over [batch, channels, L]: `blocks` conv blocks of kernel 5, stride 2 and ReLU, each
 * halving the length, flattened to [batch, hidden · ⌈L / 2^blocks⌉].
 */
export class CnnEncoder extends UnaryModule {
  readonly features: number;
  readonly #body: Sequential;

  constructor(channels: number, length: number, hidden: number, blocks: number, generator: Generator) {
    super();
    const layers = [];
    let outLength = length;
    for (let b = 0; b < blocks; b++) {
      layers.push(new Conv1d(b === 0 ? channels : hidden, hidden, 5, { stride: 2, padding: 2, generator }));
      layers.push(new ReLU());
      outLength = Math.floor((outLength - 1) / 2) + 1;
    }
    this.#body = this.registerModule("body", new Sequential(...layers));
    this.features = hidden * outLength;
  }

  forward(x: Tensor): Tensor {
    return this.#body.forward(x).flatten(1);
  }
}
