import { Conv1d, type Generator, Linear, Module, ReLU, Sequential, type Tensor } from "@vigil/torch";

/**
 * A small 1-D CNN regressor over windows [batch, C, W]: `blocks` conv layers (kernel 5, "same"
 * padding, ReLU) that keep the time axis, so the dense head still knows which cycle of the window a
 * feature comes from (recent cycles matter most for RUL), then flatten → dense → ReLU → one output
 * per window, the RUL divided by the cap ([batch]).
 */
export class RulNetwork extends Module {
  readonly #conv: Sequential;
  readonly #head: Sequential;

  constructor(
    channels: number,
    windowLength: number,
    hidden: number,
    blocks: number,
    dense: number,
    generator: Generator,
  ) {
    super();
    const g = generator;
    const layers = [];
    for (let b = 0; b < blocks; b++) {
      layers.push(new Conv1d(b === 0 ? channels : hidden, hidden, 5, { padding: 2, generator: g }));
      layers.push(new ReLU());
    }
    this.#conv = this.registerModule("conv", new Sequential(...layers));
    this.#head = this.registerModule(
      "head",
      new Sequential(
        new Linear(hidden * windowLength, dense, { generator: g }),
        new ReLU(),
        new Linear(dense, 1, { generator: g }),
      ),
    );
  }

  forward(x: Tensor): Tensor {
    return this.#head.forward(this.#conv.forward(x).flatten(1)).squeeze(1);
  }
}
