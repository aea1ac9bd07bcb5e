import { VigilArgumentError } from "@vigil/core/errors";
import { zeros } from "../../tensor/creation.ts";
import type { Generator } from "../../tensor/generator.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { dropout, linear, softmax } from "../functional.ts";
import { xavierUniform } from "../init.ts";
import { Module } from "../module.ts";
import { Linear } from "./linear.ts";

/**
 * Multi-head self/cross attention as torch.nn.MultiheadAttention (batch-first): a packed input
 * projection in_proj_weight [3E, E], scaled dot-product attention per head, and out_proj.
 */
export class MultiheadAttention extends Module {
  readonly inProjWeight: Tensor;
  readonly inProjBias: Tensor;
  readonly outProj: Linear;
  readonly headDim: number;

  constructor(
    readonly embedDim: number,
    readonly numHeads: number,
    readonly options: { dropout?: number; generator?: Generator } = {},
  ) {
    super();
    if (embedDim % numHeads !== 0)
      throw new VigilArgumentError(`embedDim ${embedDim} must be divisible by numHeads ${numHeads}`);
    this.headDim = embedDim / numHeads;
    this.inProjWeight = this.registerParameter(
      "in_proj_weight",
      xavierUniform([3 * embedDim, embedDim], 1, options.generator),
    );
    this.inProjBias = this.registerParameter("in_proj_bias", zeros([3 * embedDim]));
    this.outProj = this.registerModule(
      "out_proj",
      new Linear(embedDim, embedDim, { generator: options.generator }),
    );
  }

  /** x: [batch, time, embed] → [batch, time, embed] (self-attention; an optional additive mask [time, time]). */
  forward(x: Tensor, attentionMask?: Tensor): Tensor {
    const [batch, time] = x.shape as [number, number, number];
    const [q, k, v] = linear(x, this.inProjWeight, this.inProjBias).chunk(3, -1) as [Tensor, Tensor, Tensor];
    const heads = (t: Tensor) => t.reshape(batch, time, this.numHeads, this.headDim).transpose(1, 2);
    let scores = heads(q)
      .matmul(heads(k).transpose(-2, -1))
      .mul(1 / Math.sqrt(this.headDim));
    if (attentionMask !== undefined) scores = scores.add(attentionMask);
    const weights = dropout(softmax(scores, -1), this.options.dropout ?? 0, this.training);
    const context = weights.matmul(heads(v)).transpose(1, 2).reshape(batch, time, this.embedDim);
    return this.outProj.forward(context);
  }
}
