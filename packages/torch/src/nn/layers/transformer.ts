import type { Generator } from "../../tensor/generator.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { dropout, gelu, relu } from "../functional.ts";
import { Module } from "../module.ts";
import { MultiheadAttention } from "./attention.ts";
import { Linear } from "./linear.ts";
import { ModuleList } from "./module-list.ts";
import { LayerNorm } from "./norm.ts";

export interface TransformerEncoderLayerOptions {
  dimFeedforward?: number;
  dropout?: number;
  activation?: "relu" | "gelu";
  /** Pre-norm (LayerNorm before attention/feed-forward), more stable for small data. */
  normFirst?: boolean;
  layerNormEps?: number;
  generator?: Generator;
}

/** torch.nn.TransformerEncoderLayer (batch_first=True), parameter names as PyTorch. */
export class TransformerEncoderLayer extends Module {
  readonly selfAttn: MultiheadAttention;
  readonly linear1: Linear;
  readonly linear2: Linear;
  readonly norm1: LayerNorm;
  readonly norm2: LayerNorm;
  readonly #o: Required<Omit<TransformerEncoderLayerOptions, "generator">>;

  constructor(dModel: number, numHeads: number, options: TransformerEncoderLayerOptions = {}) {
    super();
    this.#o = {
      dimFeedforward: options.dimFeedforward ?? 2048,
      dropout: options.dropout ?? 0.1,
      activation: options.activation ?? "relu",
      normFirst: options.normFirst ?? false,
      layerNormEps: options.layerNormEps ?? 1e-5,
    };
    const g = options.generator;
    this.selfAttn = this.registerModule(
      "self_attn",
      new MultiheadAttention(dModel, numHeads, { dropout: this.#o.dropout, generator: g }),
    );
    this.linear1 = this.registerModule(
      "linear1",
      new Linear(dModel, this.#o.dimFeedforward, { generator: g }),
    );
    this.linear2 = this.registerModule(
      "linear2",
      new Linear(this.#o.dimFeedforward, dModel, { generator: g }),
    );
    this.norm1 = this.registerModule("norm1", new LayerNorm(dModel, this.#o.layerNormEps));
    this.norm2 = this.registerModule("norm2", new LayerNorm(dModel, this.#o.layerNormEps));
  }

  forward(x: Tensor, attentionMask?: Tensor): Tensor {
    const p = this.#o.dropout;
    const attend = (t: Tensor) => dropout(this.selfAttn.forward(t, attentionMask), p, this.training);
    const act = this.#o.activation === "gelu" ? gelu : relu;
    const feed = (t: Tensor) =>
      dropout(
        this.linear2.forward(dropout(act(this.linear1.forward(t)), p, this.training)),
        p,
        this.training,
      );
    if (this.#o.normFirst) {
      const h = x.add(attend(this.norm1.forward(x)));
      return h.add(feed(this.norm2.forward(h)));
    }
    const h = this.norm1.forward(x.add(attend(x)));
    return this.norm2.forward(h.add(feed(h)));
  }
}

/** A stack of encoder layers (children "layers.0", "layers.1", ...). */
export class TransformerEncoder extends Module {
  readonly layers: TransformerEncoderLayer[];
  constructor(makeLayer: () => TransformerEncoderLayer, numLayers: number) {
    super();
    this.layers = Array.from({ length: numLayers }, makeLayer);
    this.registerModule("layers", new ModuleList(this.layers));
  }
  forward(x: Tensor, attentionMask?: Tensor): Tensor {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out, attentionMask);
    return out;
  }
}
