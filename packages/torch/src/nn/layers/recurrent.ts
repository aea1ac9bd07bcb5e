import { VigilArgumentError } from "@vigil/core/errors";
import { ops } from "../../runtime/native.ts";
import { zeros } from "../../tensor/creation.ts";
import type { Generator } from "../../tensor/generator.ts";
import { type Tensor, wrap } from "../../tensor/tensor.ts";
import { uniform } from "../init.ts";
import { Module } from "../module.ts";

export interface RecurrentOptions {
  numLayers?: number;
  /** Inputs and outputs are [batch, time, features] (default true, unlike PyTorch's default). */
  batchFirst?: boolean;
  bidirectional?: boolean;
  /** Dropout between stacked layers in training mode. */
  dropout?: number;
  generator?: Generator;
}

/**
 * Shared shape of LSTM and GRU: parameters per layer and direction named as PyTorch
 * (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, ..._reverse), so state dicts interchange.
 * Both run libtorch's fused kernels.
 */
abstract class Recurrent extends Module {
  readonly numLayers: number;
  readonly batchFirst: boolean;
  readonly bidirectional: boolean;
  readonly dropout: number;
  protected readonly flat: Tensor[] = [];

  constructor(
    readonly inputSize: number,
    readonly hiddenSize: number,
    gates: number,
    options: RecurrentOptions,
  ) {
    super();
    this.numLayers = options.numLayers ?? 1;
    this.batchFirst = options.batchFirst ?? true;
    this.bidirectional = options.bidirectional ?? false;
    this.dropout = options.dropout ?? 0;
    const bound = 1 / Math.sqrt(hiddenSize);
    const directions = this.bidirectional ? 2 : 1;
    for (let layer = 0; layer < this.numLayers; layer++) {
      for (let d = 0; d < directions; d++) {
        const suffix = `_l${layer}${d === 1 ? "_reverse" : ""}`;
        const input = layer === 0 ? inputSize : hiddenSize * directions;
        const g = options.generator;
        this.flat.push(
          this.registerParameter(`weight_ih${suffix}`, uniform([gates * hiddenSize, input], bound, g)),
        );
        this.flat.push(
          this.registerParameter(`weight_hh${suffix}`, uniform([gates * hiddenSize, hiddenSize], bound, g)),
        );
        this.flat.push(this.registerParameter(`bias_ih${suffix}`, uniform([gates * hiddenSize], bound, g)));
        this.flat.push(this.registerParameter(`bias_hh${suffix}`, uniform([gates * hiddenSize], bound, g)));
      }
    }
  }

  protected initialState(x: Tensor): Tensor {
    if (x.ndim !== 3)
      throw new VigilArgumentError(`expected a 3-d input [batch, time, features], got [${x.shape}]`);
    const batch = x.size(this.batchFirst ? 0 : 1);
    return zeros([this.numLayers * (this.bidirectional ? 2 : 1), batch, this.hiddenSize], x.dtype);
  }
}

export interface LstmOutput {
  /** Top-layer hidden states for every step: [batch, time, hidden × directions] (batchFirst). */
  output: Tensor;
  /** Final hidden and cell states: [layers × directions, batch, hidden]. */
  h: Tensor;
  c: Tensor;
}

export class LSTM extends Recurrent {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(inputSize, hiddenSize, 4, options);
  }
  forward(x: Tensor, state?: { h: Tensor; c: Tensor }): LstmOutput {
    const h0 = state?.h ?? this.initialState(x);
    const c0 = state?.c ?? this.initialState(x);
    const [output, h, c] = ops.lstm(
      x.handle,
      [h0.handle, c0.handle],
      this.flat.map((p) => p.handle),
      true,
      this.numLayers,
      this.dropout,
      this.training,
      this.bidirectional,
      this.batchFirst,
    );
    if (state === undefined) {
      h0.dispose();
      c0.dispose();
    }
    return { output: wrap(output), h: wrap(h), c: wrap(c) };
  }
}

export class GRU extends Recurrent {
  constructor(inputSize: number, hiddenSize: number, options: RecurrentOptions = {}) {
    super(inputSize, hiddenSize, 3, options);
  }
  forward(x: Tensor, state?: { h: Tensor }): { output: Tensor; h: Tensor } {
    const h0 = state?.h ?? this.initialState(x);
    const [output, h] = ops.gru(
      x.handle,
      [h0.handle],
      this.flat.map((p) => p.handle),
      true,
      this.numLayers,
      this.dropout,
      this.training,
      this.bidirectional,
      this.batchFirst,
    );
    if (state === undefined) h0.dispose();
    return { output: wrap(output), h: wrap(h) };
  }
}
