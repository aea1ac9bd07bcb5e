import { type Generator, LSTM, type Tensor, UnaryModule } from "@vigil/torch";

/** LSTM over the window's steps; the top layer's final hidden state [batch, hidden] summarises it. */
export class LstmEncoder extends UnaryModule {
  readonly features: number;
  readonly #lstm: LSTM;

  constructor(channels: number, hidden: number, layers: number, generator: Generator) {
    super();
    this.#lstm = this.registerModule("lstm", new LSTM(channels, hidden, { numLayers: layers, generator }));
    this.features = hidden;
  }

  forward(x: Tensor): Tensor {
    const { h } = this.#lstm.forward(x.transpose(1, 2));
    return h.select(0, h.size(0) - 1);
  }
}
