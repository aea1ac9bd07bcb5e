import {
  type Generator,
  Linear,
  Module,
  ReLU,
  randn,
  Sequential,
  type Tensor,
  type UnaryModule,
} from "@vigil/torch";
import { CnnEncoder } from "./cnn-encoder.ts";
import { LstmEncoder } from "./lstm-encoder.ts";
import { TransformerWindowEncoder } from "./transformer-encoder.ts";
import type { VaeDetectorOptions } from "./vae-options.ts";

/** The decoder's log-variance is kept in a range where exp() and its reciprocal stay finite in float32. */
const LOGVAR_LIMIT = 10;

export interface VaeOutput {
  /** The latent code (the posterior mean of a variational model). */
  readonly mu: Tensor;
  /** The posterior log-variance; undefined for a deterministic autoencoder. */
  readonly logvar: Tensor | undefined;
  /** Reconstructed window [batch, C, L] (the decoder's mean). */
  readonly recon: Tensor;
  /** Gaussian decoder only: per-channel log-variance [batch, C, 1]. */
  readonly reconLogvar: Tensor | undefined;
  /** Forecasting head only: the next H steps [batch, C, H]. */
  readonly forecast: Tensor | undefined;
}

function windowEncoder(
  o: VaeDetectorOptions,
  channels: number,
  g: Generator,
): UnaryModule & { readonly features: number } {
  switch (o.encoder) {
    case "cnn":
      return new CnnEncoder(channels, o.windowLength, o.hidden, o.cnnBlocks, g);
    case "transformer":
      return new TransformerWindowEncoder(
        channels,
        o.windowLength,
        o.hidden,
        o.transformerLayers,
        o.transformerHeads,
        g,
      );
    case "lstm":
      return new LstmEncoder(channels, o.hidden, o.lstmLayers, g);
  }
}

/**
 * Encoder → (μ, log σ²) → z (or, with `variational` off, encoder → z) → MLP decoder of the whole window, plus an optional per-channel
 * log-variance (Gaussian decoder) and an optional forecasting head from z. The decoder is one MLP for
 * every encoder, so encoders can be compared with everything else held equal.
 */
export class VaeModel extends Module {
  readonly channels: number;
  readonly #o: VaeDetectorOptions;
  readonly #encoder: UnaryModule;
  readonly #mu: Linear;
  readonly #logvar: Linear | undefined;
  readonly #decoder: Sequential;
  readonly #variance: Linear | undefined;
  readonly #forecast: Sequential | undefined;

  constructor(options: VaeDetectorOptions, channels: number, generator: Generator) {
    super();
    const o = options;
    const g = generator;
    this.channels = channels;
    this.#o = o;
    const encoder = windowEncoder(o, channels, g);
    this.#encoder = this.registerModule("encoder", encoder);
    this.#mu = this.registerModule("mu", new Linear(encoder.features, o.latent, { generator: g }));
    this.#logvar = o.variational
      ? this.registerModule("logvar", new Linear(encoder.features, o.latent, { generator: g }))
      : undefined;
    const mlp = (outputs: number) =>
      new Sequential(
        new Linear(o.latent, o.hidden, { generator: g }),
        new ReLU(),
        new Linear(o.hidden, outputs, { generator: g }),
      );
    this.#decoder = this.registerModule("decoder", mlp(channels * o.windowLength));
    this.#variance =
      o.reconstructionLoss === "gaussian-nll"
        ? this.registerModule("variance", new Linear(o.latent, channels, { generator: g }))
        : undefined;
    this.#forecast =
      o.forecastHorizon > 0 ? this.registerModule("forecast", mlp(channels * o.forecastHorizon)) : undefined;
  }

  encode(x: Tensor): { mu: Tensor; logvar: Tensor | undefined } {
    const h = this.#encoder.forward(x);
    return { mu: this.#mu.forward(h), logvar: this.#logvar?.forward(h).clamp(-LOGVAR_LIMIT, LOGVAR_LIMIT) };
  }

  /** The decoded window [batch, C, L] and, for the Gaussian decoder, its log-variance [batch, C, 1]. */
  decode(z: Tensor): { recon: Tensor; reconLogvar: Tensor | undefined } {
    const batch = z.size(0);
    return {
      recon: this.#decoder.forward(z).reshape(batch, this.channels, this.#o.windowLength),
      reconLogvar: this.#variance
        ?.forward(z)
        .clamp(-LOGVAR_LIMIT, LOGVAR_LIMIT)
        .reshape(batch, this.channels, 1),
    };
  }

  /** The forecasting head's next H steps [batch, C, H] from latent codes (undefined without a head). */
  predict(z: Tensor): Tensor | undefined {
    return this.#forecast?.forward(z).reshape(z.size(0), this.channels, this.#o.forecastHorizon);
  }

  /**
   * With a generator, a variational model samples z by the reparameterisation trick (training);
   * without one, or for a deterministic autoencoder, z = μ, so scores are deterministic.
   */
  forward(x: Tensor, generator?: Generator): VaeOutput {
    const { mu, logvar } = this.encode(x);
    const z =
      generator === undefined || logvar === undefined
        ? mu
        : mu.add(randn(mu.shape, { generator }).mul(logvar.mul(0.5).exp()));
    return { mu, logvar, ...this.decode(z), forecast: this.predict(z) };
  }
}
