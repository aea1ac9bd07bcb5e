import {
  type Generator,
  Linear,
  type Tensor,
  TransformerEncoder,
  TransformerEncoderLayer,
  tensor,
  UnaryModule,
} from "@vigil/torch";

/** Sinusoidal positions of "Attention is all you need", [length, dModel]. */
function sinusoidalPositions(length: number, dModel: number): Tensor {
  const data = new Float32Array(length * dModel);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < dModel; i += 2) {
      const angle = t / 10000 ** (i / dModel);
      data[t * dModel + i] = Math.sin(angle);
      if (i + 1 < dModel) data[t * dModel + i + 1] = Math.cos(angle);
    }
  }
  return tensor(data, { shape: [length, dModel] });
}

/**
 * Each step's channel vector is embedded linearly, sinusoidal positions are added, a pre-norm
 * TransformerEncoder (no dropout: the VAE's sampling already regularises) mixes the steps, and the
 * mean over steps gives [batch, hidden].
 */
export class TransformerWindowEncoder extends UnaryModule {
  readonly features: number;
  readonly #embed: Linear;
  readonly #encoder: TransformerEncoder;
  readonly #positions: Tensor;

  constructor(
    channels: number,
    length: number,
    hidden: number,
    layers: number,
    heads: number,
    generator: Generator,
  ) {
    super();
    this.#embed = this.registerModule("embed", new Linear(channels, hidden, { generator }));
    this.#encoder = this.registerModule(
      "encoder",
      new TransformerEncoder(
        () =>
          new TransformerEncoderLayer(hidden, heads, {
            dimFeedforward: 2 * hidden,
            dropout: 0,
            normFirst: true,
            generator,
          }),
        layers,
      ),
    );
    this.#positions = this.registerBuffer("positions", sinusoidalPositions(length, hidden));
    this.features = hidden;
  }

  forward(x: Tensor): Tensor {
    const h = this.#embed.forward(x.transpose(1, 2)).add(this.#positions);
    return this.#encoder.forward(h).mean(1);
  }
}
