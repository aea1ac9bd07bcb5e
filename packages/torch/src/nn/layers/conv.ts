import type { Generator } from "../../tensor/generator.ts";
import type { Tensor } from "../../tensor/tensor.ts";
import { conv1d, conv2d, convTranspose1d } from "../functional.ts";
import { fanIn, kaimingUniformDefault, uniform } from "../init.ts";
import { UnaryModule } from "../module.ts";

export interface ConvLayerOptions {
  stride?: number;
  padding?: number;
  dilation?: number;
  groups?: number;
  bias?: boolean;
  generator?: Generator;
}

abstract class ConvBase extends UnaryModule {
  readonly weight: Tensor;
  readonly bias: Tensor | undefined;
  protected readonly stride: number;
  protected readonly padding: number;
  protected readonly dilation: number;
  protected readonly groups: number;

  constructor(weightShape: number[], biasSize: number, options: ConvLayerOptions) {
    super();
    this.stride = options.stride ?? 1;
    this.padding = options.padding ?? 0;
    this.dilation = options.dilation ?? 1;
    this.groups = options.groups ?? 1;
    this.weight = this.registerParameter("weight", kaimingUniformDefault(weightShape, options.generator));
    this.bias =
      options.bias === false
        ? undefined
        : this.registerParameter(
            "bias",
            uniform([biasSize], 1 / Math.sqrt(fanIn(weightShape)), options.generator),
          );
  }
}

/** 1-D convolution over [batch, channels, length]. */
export class Conv1d extends ConvBase {
  constructor(inChannels: number, outChannels: number, kernelSize: number, options: ConvLayerOptions = {}) {
    super([outChannels, inChannels / (options.groups ?? 1), kernelSize], outChannels, options);
  }
  forward(x: Tensor): Tensor {
    return conv1d(x, this.weight, this.bias, {
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }
}

/** 2-D convolution over [batch, channels, height, width] (square kernels). */
export class Conv2d extends ConvBase {
  constructor(inChannels: number, outChannels: number, kernelSize: number, options: ConvLayerOptions = {}) {
    super([outChannels, inChannels / (options.groups ?? 1), kernelSize, kernelSize], outChannels, options);
  }
  forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias, {
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }
}

/** Transposed 1-D convolution (weight [in, out/groups, k], as PyTorch). */
export class ConvTranspose1d extends ConvBase {
  readonly #outputPadding: number;
  constructor(
    inChannels: number,
    outChannels: number,
    kernelSize: number,
    options: ConvLayerOptions & { outputPadding?: number } = {},
  ) {
    const { outputPadding, ...rest } = options;
    super([inChannels, outChannels / (options.groups ?? 1), kernelSize], outChannels, rest);
    this.#outputPadding = outputPadding ?? 0;
  }
  forward(x: Tensor): Tensor {
    return convTranspose1d(x, this.weight, this.bias, {
      stride: this.stride,
      padding: this.padding,
      outputPadding: this.#outputPadding,
      dilation: this.dilation,
      groups: this.groups,
    });
  }
}
